// The packaged .vsix in code-server's web-worker extension host, as in VS Code for the web
// with a remote (GitLab's Web IDE, Codespaces in the browser): the user setting
// `remote.extensionKind` asks for the extension's web entry, code-server then runs the
// browser client and its language server in Web Workers, the server bundle started from a
// blob (the host refuses workers from remote extensions), and the files read through the
// editor's remote file system.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freshProfile, launchBrowser, ROOT, runCodeServerCli, startCodeServer } from './codeServer.mjs';

const TITLES = [
  'installs the .vsix into code-server with the web worker host preferred for it',
  'runs the extension and its language server in Web Workers, started from a blob of the bundle',
  'shows a page\'s problems, broken handbook links included, from the web worker',
];

async function step(results, title, fn) {
  try {
    await fn();
    results.passed.push(title);
    console.log(`  ✔ ${title}`);
  } catch (e) {
    results.failed.push({ title, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    console.log(`  ✘ ${title}\n${e instanceof Error ? e.message : e}`);
  }
}

/** The .vsix, packaged again when the bundles are newer than it. */
function vsixPath() {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  const newest = Math.max(...['dist/client.js', 'dist/browser/client.js', 'dist/browser/server.js', 'package.json'].map((f) => statSync(path.join(ROOT, f)).mtimeMs));
  if (!existsSync(vsix) || statSync(vsix).mtimeMs < newest) execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'pipe' });
  return { vsix, id: `${pkg.publisher}.${pkg.name}` };
}

async function textOf(page, selector) {
  return page.locator(selector).first().innerText({ timeout: 10_000 }).catch(() => '');
}

async function until(what, fn, ms = 60_000) {
  const end = Date.now() + ms;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export async function runWebWorkerTest() {
  const results = { passed: [], failed: [] };
  const profile = freshProfile('jfa-webworker-');
  const handbook = mkdtempSync(path.join(os.tmpdir(), 'jfa-webworker-handbook-'));
  cpSync(path.join(ROOT, 'examples', 'handbook'), handbook, { recursive: true });
  let server;
  let browser;
  let page;
  await step(results, TITLES[0], async () => {
    const { vsix, id } = vsixPath();
    const settingsFile = path.join(profile.userData, 'User', 'settings.json');
    const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
    writeFileSync(settingsFile, JSON.stringify({ ...settings, 'remote.extensionKind': { [id]: ['web'] } }, null, 2));
    const out = await runCodeServerCli(['--install-extension', vsix], profile);
    if (!/successfully installed/i.test(out)) throw new Error(out);
  });
  await step(results, TITLES[1], async () => {
    if (results.failed.length) throw new Error('not installed');
    server = await startCodeServer(profile);
    browser = await launchBrowser();
    page = browser.pages()[0] ?? (await browser.newPage());
    if (process.env.JFA_EDITOR_VERBOSE === '1') page.on('console', (m) => console.log(`[page] ${m.text().slice(0, 400)}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(handbook)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 20_000 });
    await page.keyboard.type('account-manager.md');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
    // What the extension says about where its server runs, in its output channel.
    await page.keyboard.press('Control+Shift+P');
    await page.keyboard.type('Job Family: Show Output');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    const output = await until('the extension\'s output to show the handbook index', async () => {
      const t = (await textOf(page, '.panel .monaco-editor .view-lines')).replace(/\s+/g, ' ');
      return /Handbook index: [1-9]\d* pages/.test(t) ? t : undefined;
    });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', 'webworker-output.png') });
    for (const expected of [
      // The browser client: the host refused the remote URL, so the bundle came through workspace.fs.
      /starting the language server from a copy read through the editor's file system/,
      /Language server started in a Web Worker from a copy of its bundle/,
      // The browser server: its runtime's note.
      /Running in a Web Worker: files are read through the editor/,
    ]) {
      if (!expected.test(output)) throw new Error(`the output does not match ${expected}:\n${output}`);
    }
  });
  await step(results, TITLES[2], async () => {
    if (!page) throw new Error('no workbench');
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 20_000 });
    // The panel lists only the rows it has room for: the filter brings each one up.
    const filter = page.locator('.panel .viewpane-filter input').first();
    for (const [code, expected] of [['JF019', 'Grade 13 does not exist'], ['JF038', 'did you mean `/handbook/values/`'], ['JF037', 'There is no `#screening`']]) {
      await filter.fill(code);
      await panel.getByText(expected).first().waitFor({ timeout: 60_000 });
    }
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', 'webworker-problems-panel.png') });
  });
  await browser?.close().catch(() => {});
  server?.stop();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runWebWorkerTest();
  console.log(`${r.passed.length} passed, ${r.failed.length} failed`);
  process.exit(r.failed.length ? 1 : 0);
}
