// Renders images/icon.svg to the 128x128 images/icon.png the marketplace manifest needs.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../test/editor/codeServer.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const svg = readFileSync(path.join(root, 'images', 'icon.svg'), 'utf8');
const browser = await launchBrowser();
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
await page.locator('svg').screenshot({ path: path.join(root, 'images', 'icon.png'), omitBackground: true });
await browser.close();
console.log('wrote images/icon.png');
