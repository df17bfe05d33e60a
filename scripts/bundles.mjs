// What scripts/build.mjs bundles with esbuild: the extension client, the language server (in
// two files, see serviceApart) and the CLI for Node (dist/), and the client and the server (a
// Web Worker script) for the browser (dist/browser/). The web bundle's size test builds from
// the same options.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packedData, withoutNotes } from './packed-data.mjs';
import { yamlReadOnly } from './yaml-read-only.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

export const BROWSER_SERVER = path.join(root, 'dist', 'browser', 'server.js');
/** The web server bundle's budget, minified, in bytes (500 KB): every browser session downloads it. */
export const BROWSER_SERVER_BUDGET = 500_000;

/**
 * The data files' notes for people (`$comment`, and keys starting with `$` such as a
 * shortcode's `$reason`) stay in the repository: no bundle needs them.
 */
const dataWithoutNotes = {
  name: 'data-without-notes',
  setup(build) {
    build.onLoad({ filter: /[\\/]service[\\/]data[\\/][^\\/]+\.json$/ }, (args) => {
      return { loader: 'json', contents: JSON.stringify(withoutNotes(JSON.parse(readFileSync(args.path, 'utf8')))) };
    });
  },
};

/**
 * How the Web Worker bundle reads the service's data and yaml: its data packed, since every
 * browser session downloads it. packed-data comes first: esbuild takes the first plugin that
 * loads a file.
 */
export const PLUGINS = [packedData, dataWithoutNotes, yamlReadOnly];
/**
 * The Node bundles carry the data as plain JSON: they are installed once, and unpacking at
 * load would cost every server start and every CLI run (about 25 ms).
 */
export const NODE_PLUGINS = [dataWithoutNotes, yamlReadOnly];

/**
 * The Node server's entry loads the language service on first use (see its `createService`):
 * the service, yaml and the data go to dist/service.js, so a server start compiles only the
 * LSP library and the handlers before it answers `initialize` (about 20 ms less in paired runs).
 */
const serviceApart = {
  name: 'service-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/service$/ }, (args) =>
      path.relative(root, args.importer) === path.join('server', 'src', 'node', 'main.ts') ? { path: './service.js', external: true } : undefined,
    );
  },
};

function common(production, plugins = NODE_PLUGINS) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    define: { JOBFAMILY_VERSION: JSON.stringify(pkg.version) },
    // Packages' ES module builds where they have them: esbuild leaves out what is not used.
    mainFields: ['module', 'main'],
    plugins,
  };
}

/** Packages' `browser` entries and conditions (vscode-languageclient/browser); no Node built-ins. */
function browser(production) {
  return { ...common(production, PLUGINS), platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], charset: 'utf8' };
}

/** The server for a Web Worker: a classic script (hosts that wrap workers load it with `importScripts`), so IIFE. */
export function browserServer(production) {
  return { ...browser(production), entryPoints: [path.join(root, 'server/src/browser/main.ts')], outfile: BROWSER_SERVER, format: 'iife' };
}

export function bundles(production) {
  const node = common(production);
  return [
    { ...node, entryPoints: [path.join(root, 'client/src/node/extension.ts')], outfile: path.join(root, 'dist/client.js'), external: ['vscode'] },
    { ...node, entryPoints: [path.join(root, 'server/src/node/main.ts')], outfile: path.join(root, 'dist/server.js'), plugins: [serviceApart, ...NODE_PLUGINS] },
    { ...node, entryPoints: [path.join(root, 'server/src/service/index.ts')], outfile: path.join(root, 'dist/service.js') },
    { ...node, entryPoints: [path.join(root, 'server/src/cli.ts')], outfile: path.join(root, 'dist/cli.js') },
    { ...browser(production), entryPoints: [path.join(root, 'client/src/browser/extension.ts')], outfile: path.join(root, 'dist/browser/client.js'), external: ['vscode'] },
    browserServer(production),
  ];
}
