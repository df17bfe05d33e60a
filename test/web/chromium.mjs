// Loaded with `node --import` before @vscode/test-web: test-web launches Playwright's own
// Chromium, which is never downloaded here (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD); this points
// it at Debian's Chromium, with the flags this machine needs.
import { createRequire } from 'node:module';
import * as path from 'node:path';

const runner = process.env.JFA_TEST_WEB_RUNNER;
if (!runner) throw new Error('JFA_TEST_WEB_RUNNER is not set');
// The same module instance test-web requires, so the patch is the one it uses.
const require = createRequire(path.join(runner, 'package.json'));
const { chromium } = require('playwright');
const launch = chromium.launch.bind(chromium);
chromium.launch = async (options = {}) => {
  const browser = await launch({
    ...options,
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...(options.args ?? []), '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  if (process.env.JFA_UI_LAG === '1') {
    // For test/web/bigHandbook.mjs: how long the workbench's UI thread stalls, said on the console.
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (o) => {
      const context = await newContext(o);
      // Runs in the page, not in Node.
      /* global window, setInterval */
      await context.addInitScript(() => {
        if (window.top !== window) return;
        // Each stall of the UI thread over 100 ms, with its wall-clock time, so the driver
        // can tell startup from indexing.
        let last = performance.now();
        const stalls = [];
        setInterval(() => {
          const now = performance.now();
          if (now - last - 50 > 100) stalls.push([Math.round(performance.timeOrigin + now), Math.round(now - last - 50)]);
          last = now;
        }, 50);
        setInterval(() => {
          if (stalls.length) console.log(`JFA| UI: ${JSON.stringify(stalls.splice(0))}`);
        }, 1000);
      });
      return context;
    };
  }
  return browser;
};
