// Type-checks and compiles everything (tsc -b, for the tests in out/), then bundles what
// ships: the extension client, the language server and the CLI (esbuild, into dist/).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  define: { JOBFAMILY_VERSION: JSON.stringify(pkg.version) },
  // markdown-it's punycode dependency would otherwise pull in Node's deprecated module.
  mainFields: ['module', 'main'],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: [path.join(root, 'client/src/extension.ts')], outfile: path.join(root, 'dist/client.js'), external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: [path.join(root, 'server/src/node/main.ts')], outfile: path.join(root, 'dist/server.js') }),
  esbuild.build({ ...common, entryPoints: [path.join(root, 'server/src/cli.ts')], outfile: path.join(root, 'dist/cli.js') }),
]);
console.log(`built dist/ (${production ? 'production' : 'development'})`);
