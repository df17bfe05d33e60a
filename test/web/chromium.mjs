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
chromium.launch = (options = {}) =>
  launch({
    ...options,
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [...(options.args ?? []), '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
