// The bundles only read YAML (front matter, .jobfamily.yml, the misused-terms list): they never
// write it and never ask for YAML 1.1 types. This esbuild plugin leaves out the parts of the
// `yaml` package that only do that, about a fifth of it, which the browser bundle's size
// budget needs:
// - writing YAML (`stringify/`): Document.toString throws; a node's text, which the reader
//   needs only for a map key that is itself a map or list, is its JSON;
// - the YAML 1.1 schema and its tags (timestamp, binary, set, omap, pairs, 1.1 numbers and
//   booleans): a document that declares `%YAML 1.1` is read with the core schema, and an
//   explicit `!!timestamp`-style tag is left unresolved (a warning of yaml, which no rule
//   reads; the value stays a string). `<<` merge keys still work.
// Every server-side bundle uses it, so the editor, the browser and the CLI read YAML alike;
// test/unit/bundledService.test.ts checks that they read the corpus as the whole package does.
import * as path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
/** yaml's ES module build: Node bundles take it too, as only its modules can be swapped one by one. */
const YAML_ESM = path.join(path.dirname(require.resolve('yaml/package.json')), 'browser', 'index.js');

const plain = `
function plain(item) {
  const value = item && typeof item.toJSON === 'function' ? item.toJSON() : item;
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}`;

const STUBS = {
  'stringify/stringify.js': `${plain}
export function createStringifyContext(doc, options) { return { doc, options: options ?? {}, anchors: new Set(), indent: '', indentStep: '  ' }; }
export function stringify(item) { return plain(item); }`,
  'stringify/stringifyCollection.js': `${plain}
export function stringifyCollection(collection) { return plain(collection); }`,
  'stringify/stringifyPair.js': `${plain}
export function stringifyPair(pair) { return plain(pair.key) + ': ' + plain(pair.value); }`,
  'stringify/stringifyDocument.js': `
export function stringifyDocument() { throw new Error('Writing YAML is not part of this bundle.'); }`,
  'stringify/stringifyString.js': `
export function stringifyString(item) { return String(item.value); }`,
  'stringify/stringifyNumber.js': `
export function stringifyNumber(item) { return String(item.value); }`,
  'stringify/stringifyComment.js': `
export const stringifyComment = (text) => text;
export const indentComment = (comment) => comment;
export const lineComment = (str, indent, comment) => str + comment;`,
  'stringify/foldFlowLines.js': `
export const FOLD_FLOW = 'flow', FOLD_BLOCK = 'block', FOLD_QUOTED = 'quoted';
export const foldFlowLines = (text) => text;`,
  'schema/tags.js': `
import { map } from './common/map.js';
import { seq } from './common/seq.js';
import { string } from './common/string.js';
import { schema as core } from './core/schema.js';
import { schema as json } from './json/schema.js';
import { merge } from './yaml-1.1/merge.js';
const schemas = new Map([['core', core], ['failsafe', [map, seq, string]], ['json', json], ['yaml11', core], ['yaml-1.1', core]]);
export const coreKnownTags = { 'tag:yaml.org,2002:merge': merge };
export function getTags(customTags, schemaName, addMergeTag) {
  const tags = schemas.get(schemaName);
  if (!tags || customTags) throw new Error('Only the core, json and failsafe schemas are part of this bundle.');
  return addMergeTag && !tags.includes(merge) ? tags.concat(merge) : tags.slice();
}`,
};

export const yamlReadOnly = {
  name: 'yaml-read-only',
  setup(build) {
    const dist = path.join(path.dirname(YAML_ESM), 'dist') + path.sep;
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: YAML_ESM }));
    build.onLoad({ filter: /[\\/]yaml[\\/]browser[\\/]dist[\\/].*\.js$/ }, (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const stub = STUBS[args.path.slice(dist.length).split(path.sep).join('/')];
      return stub === undefined ? undefined : { contents: stub, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};
