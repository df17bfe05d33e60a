// As a user would: package the .vsix, install it into a fresh code-server with
// --install-extension, open a job-family page through Quick Open and read the Problems panel.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freshProfile, launchBrowser, ROOT, runCodeServerCli, startCodeServer } from './codeServer.mjs';

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

export async function runVsixTest() {
  const results = { passed: [], failed: [] };
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const vsix = path.join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
  const profile = freshProfile('jfa-vsix-');
  const handbook = mkdtempSync(path.join(os.tmpdir(), 'jfa-vsix-handbook-'));
  cpSync(path.join(ROOT, 'examples', 'handbook'), handbook, { recursive: true });
  let server;
  let browser;
  await step(results, 'packages the extension as a .vsix of at most 1 MB', () => {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'package.mjs')], { cwd: ROOT, stdio: 'pipe' });
  });
  await step(results, 'installs the .vsix with code-server --install-extension', async () => {
    const out = await runCodeServerCli(['--install-extension', vsix], profile);
    if (!/successfully installed/i.test(out)) throw new Error(out);
    const list = await runCodeServerCli(['--list-extensions'], profile);
    if (!list.includes(`${pkg.publisher}.${pkg.name}`)) throw new Error(`not listed:\n${list}`);
  });
  await step(results, 'shows a page\'s problems in the Problems panel of the installed extension', async () => {
    server = await startCodeServer(profile);
    browser = await launchBrowser();
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(`${server.url}/?folder=${encodeURIComponent(handbook)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view').waitFor({ timeout: 60_000 });
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').waitFor({ timeout: 20_000 });
    await page.keyboard.type('account-manager.md');
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .view-lines').first().waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+Shift+M');
    const panel = page.locator('.markers-panel');
    await panel.waitFor({ timeout: 20_000 });
    await panel.getByText('JF019').first().waitFor({ timeout: 60_000 });
    const text = await panel.innerText();
    for (const expected of ['Grade 13 does not exist', 'JF006', 'account-manager.md']) {
      if (!text.includes(expected)) throw new Error(`the Problems panel does not show "${expected}":\n${text}`);
    }
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'screenshots', 'vsix-problems-panel.png') });
  });
  await browser?.close().catch(() => {});
  server?.stop();
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runVsixTest();
  console.log(`${r.passed.length} passed, ${r.failed.length} failed`);
  process.exit(r.failed.length ? 1 : 0);
}
