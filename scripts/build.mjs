// Type-checks and compiles everything (tsc -b, for the tests in out/), then bundles what
// ships (esbuild, into dist/): see scripts/bundles.mjs.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { bundles } from './bundles.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const production = process.argv.includes('--production');
// The benchmark measures the bundles as they ship (minified) and still maps its profiles to the sources.
const sourcemap = process.argv.includes('--sourcemap');

execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b', path.join(root, 'tsconfig.json')], { stdio: 'inherit' });

await Promise.all(bundles(production).map((options) => esbuild.build(sourcemap ? { ...options, sourcemap: true } : options)));
console.log(`built dist/ (${production ? 'production' : 'development'}${sourcemap ? ', with source maps' : ''})`);
