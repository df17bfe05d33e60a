// Builds the production bundles and packages job-family-authoring-<version>.vsix with vsce;
// fails when the web server bundle or the .vsix is over its size budget.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSER_SERVER, BROWSER_SERVER_BUDGET } from './bundles.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
// No dependency scan (everything is bundled) and no repository to rewrite README links against.
execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
  cwd: root,
  stdio: 'inherit',
});
// vsce ran the production build: the web server bundle it packaged must fit its budget.
const web = statSync(BROWSER_SERVER).size;
console.log(`web server bundle ${(web / 1000).toFixed(1)} KB (budget ${BROWSER_SERVER_BUDGET / 1000} KB)`);
if (web > BROWSER_SERVER_BUDGET) {
  console.error(`the web server bundle is over its budget of ${BROWSER_SERVER_BUDGET / 1000} KB`);
  process.exit(1);
}
const size = statSync(out).size;
console.log(`packaged ${path.basename(out)} (${(size / 1024).toFixed(0)} KB)`);
if (size > 1024 * 1024) {
  console.error('the .vsix is larger than 1 MB');
  process.exit(1);
}
export { out };
