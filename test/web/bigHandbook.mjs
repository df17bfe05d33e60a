// Measures the web extension on a whole handbook checkout through VS Code for the web's
// file system (not part of npm test: minutes, and it needs a real checkout).
//   node test/web/bigHandbook.mjs <handbook checkout> [content/job-families/<page>.md]
// Prints when the page's problems and its link checks arrive, whether they match
// jobfamily-lint on disk, and the longest stalls of the workbench's UI thread and of the
// extension host.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { installed, freePort } from './runWebTests.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [handbook, page = 'content/job-families/chief-executive-officer/chief-of-staff.md'] = process.argv.slice(2);
if (!handbook) {
  console.error('usage: node test/web/bigHandbook.mjs <handbook checkout> [page]');
  process.exit(2);
}
const bundle = path.join(ROOT, 'out', 'web-tests', 'bench.js');
await esbuild.build({ entryPoints: [path.join(ROOT, 'test', 'web', 'bench', 'index.ts')], outfile: bundle, bundle: true, platform: 'browser', format: 'cjs', external: ['vscode'], logLevel: 'warning' });

const lint = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', '--root', handbook, path.join(handbook, page)], { encoding: 'utf8' });
const want = JSON.parse(lint.stdout).map((f) => `${f.code}@${f.line - 1}:${f.column - 1}`);
const expectedFile = path.join(handbook, '.jfa-expected.json');
writeFileSync(expectedFile, JSON.stringify({ [page]: want }));
console.log(`${page}: ${want.length} problems on disk, ${want.filter((w) => w.startsWith('JF038')).length} broken links`);

const { runner, build, commit } = installed();
const port = await freePort();
const started = Date.now();
const child = spawn(
  process.execPath,
  ['--import', pathToFileURL(path.join(ROOT, 'test', 'web', 'chromium.mjs')).href, path.join(runner, 'out', 'server', 'index.js'), '--browserType=chromium', '--headless', '--verbose', '--quality=stable', `--commit=${commit}`, `--testRunnerDataDir=${path.dirname(build)}`, `--extensionDevelopmentPath=${ROOT}`, `--extensionTestsPath=${bundle}`, `--port=${port}`, '--host=127.0.0.1', handbook],
  { env: { ...process.env, JFA_TEST_WEB_RUNNER: runner, JFA_UI_LAG: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
);
const stalls = [];
const epochs = {};
const seen = new Set();
let buffer = '';
const onData = (d) => {
  buffer += d;
  const lines = buffer.split('\n');
  buffer = lines.pop();
  for (const line of lines) {
    const at = line.indexOf('JFA| ');
    if (at < 0) continue;
    const text = line.slice(at + 5);
    if (text.startsWith('UI: ')) stalls.push(...JSON.parse(text.slice(4)));
    else if (text.startsWith('EPOCH ')) epochs[text.split(' ')[1]] = Number(text.split(' ')[2]);
    else if (!seen.has(text)) {
      // test-web prints the extension host's lines twice with --verbose (its log and the page console).
      seen.add(text);
      console.log(`  ${text}`);
    }
  }
};
child.stdout.on('data', onData);
child.stderr.on('data', onData);
const code = await new Promise((resolve) => child.on('exit', resolve));
rmSync(expectedFile, { force: true });
// The same stall can be printed twice (see above).
const unique = [...new Map(stalls.map((s) => [s.join(), s])).values()];
const during = unique.filter(([t]) => t >= (epochs.opened ?? 0) && t <= (epochs.indexed ?? Infinity));
const worst = during.reduce((m, [, d]) => Math.max(m, d), 0);
console.log(`  workbench UI thread while the page was open and the index was built: ${during.length} stalls over 100 ms, the longest ${worst} ms (${unique.length - during.length} others, at startup)`);
console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s (exit ${code})`);
