// Builds the production bundles and packages job-family-authoring-<version>.vsix with vsce.
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
// No dependency scan (everything is bundled) and no repository to rewrite README links against.
execFileSync(process.execPath, [path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
  cwd: root,
  stdio: 'inherit',
});
const size = statSync(out).size;
console.log(`packaged ${path.basename(out)} (${(size / 1024).toFixed(0)} KB)`);
if (size > 1024 * 1024) {
  console.error('the .vsix is larger than 1 MB');
  process.exit(1);
}
export { out };
