// The main job: build, package the extension, and lint the example handbook with the CLI.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const run = (args, opts = {}) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', ...opts });

if (run([path.join(root, 'scripts', 'package.mjs')]).status !== 0) process.exit(2);
console.log('\nChecking the example handbook (examples/handbook) with jobfamily-lint:\n');
const lint = run([path.join(root, 'bin', 'jobfamily-lint.js'), 'examples/handbook']);
// Exit status 1 only means the example pages have the defects they were written with.
process.exit(lint.status === 0 || lint.status === 1 ? 0 : 2);
