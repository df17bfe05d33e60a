#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests starts:
// takes VS Code's test arguments, starts code-server (a real VS Code) on a free loopback
// port, opens the workbench in headless Chromium with the extension-development payload,
// and exits with the code the extension test run reports through codeAutomationExit.
import { createServer } from 'node:http';
import { mkdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { consoleText, freshProfile, launchBrowser, ROOT, startCodeServer } from './codeServer.mjs';

const TIMEOUT_MS = Number(process.env.JFA_EDITOR_TIMEOUT_MS ?? 240_000);
const verbose = process.env.JFA_EDITOR_VERBOSE === '1';

const args = process.argv.slice(2);
const value = (name) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const testsPath = value('extensionTestsPath');
const devPath = value('extensionDevelopmentPath');
const target = args.find((a) => !a.startsWith('-'));
if (!testsPath || !devPath) {
  console.error('launcher: --extensionTestsPath and --extensionDevelopmentPath are required');
  process.exit(2);
}

const shots = process.env.JFA_SCREENSHOT_DIR ?? path.join(ROOT, 'test-results', 'screenshots');
mkdirSync(shots, { recursive: true });

let page;
// The tests inside VS Code ask for screenshots of what a user sees over this loopback endpoint.
const shotServer = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const name = (url.searchParams.get('name') ?? 'shot').replace(/[^\w.-]/g, '_');
  try {
    if (!page) throw new Error('no page yet');
    if (url.pathname === '/screenshot') {
      const file = path.join(shots, name.endsWith('.png') ? name : `${name}.png`);
      await page.screenshot({ path: file });
      res.end(file);
    } else if (url.pathname === '/press') {
      await page.keyboard.press(url.searchParams.get('key') ?? 'Escape');
      res.end('ok');
    } else if (url.pathname === '/text') {
      const selector = url.searchParams.get('selector') ?? 'body';
      res.end(await page.locator(selector).first().innerText({ timeout: 10_000 }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  } catch (e) {
    res.statusCode = 500;
    res.end(String(e));
  }
});
await new Promise((r) => shotServer.listen(0, '127.0.0.1', r));
const driverUrl = `http://127.0.0.1:${shotServer.address().port}`;

const profile = freshProfile();
let server;
let browser;
let exitCode;
try {
  server = await startCodeServer(profile, { JFA_DRIVER_URL: driverUrl }, verbose ? (l) => console.log(`[code-server] ${l}`) : () => {});
  browser = await launchBrowser();
  page = browser.pages()[0] ?? (await browser.newPage());
  const done = new Promise((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
  });
  page.on('console', (msg) => {
    const text = msg.text();
    const marker = text.indexOf('JFA| ');
    if (marker >= 0) console.log(text.slice(marker + 5));
    else if (verbose) console.log(consoleText(msg));
  });
  page.on('pageerror', (e) => verbose && console.log(`[page error] ${e.message}`));

  const payload = [
    ['extensionDevelopmentPath', server.remote(path.resolve(devPath))],
    ['extensionTestsPath', server.remote(path.resolve(testsPath))],
  ];
  let folder = target ? path.resolve(target) : undefined;
  if (folder && statSync(folder).isFile()) folder = path.dirname(folder);
  const query = new URLSearchParams();
  if (folder) query.set('folder', folder);
  query.set('payload', JSON.stringify(payload));
  await page.goto(`${server.url}/?${query.toString()}`);
  const timeout = new Promise((resolve) =>
    setTimeout(() => {
      console.error(`launcher: the extension tests did not finish within ${TIMEOUT_MS / 1000} s`);
      resolve(1);
    }, TIMEOUT_MS),
  );
  exitCode = await Promise.race([done, timeout]);
} catch (e) {
  console.error(`launcher: ${e instanceof Error ? e.message : String(e)}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  server?.stop();
  shotServer.close();
}
process.exit(exitCode);
