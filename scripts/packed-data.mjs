// Hugo's emoji names are the largest data the Web Worker bundle carries (31 KB as written in
// server/src/service/data/emoji.json, which stays readable in the repository), then the
// shortcode table and the snippets. This esbuild plugin ships them compressed instead (raw
// DEFLATE in base64), unpacked once when the module loads by server/src/service/util/inflate.ts.
// Only that bundle uses it (every browser session downloads it); the Node bundles do not pay
// for unpacking at each start (scripts/bundles.mjs).
// Tests run the service from the data files as written; test/unit/bundledService.test.ts checks
// that a bundle reads the same data.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const INFLATE = path.join(root, 'server', 'src', 'service', 'util', 'inflate.ts');

/** Data files and which of their string fields ship packed. */
const PACKED = { 'emoji.json': ['names'] };
/** Data files that ship packed whole (as JSON text, parsed when the module loads). */
const PACKED_WHOLE = new Set(['shortcodes.json', 'job-family.json']);

/** JSON as printable ASCII: anything else written as a `\u` escape, which JSON.parse reads back. */
const asciiJson = (value) => JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const packed = (text) => `unpackAscii(${JSON.stringify(deflateRawSync(text, { level: 9 }).toString('base64'))})`;
/** A data file's value without the notes for people (keys starting with `$`), at any depth. */
export const withoutNotes = (v) => (Array.isArray(v) ? v.map(withoutNotes) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, withoutNotes(x)])) : v);

/** Like data-without-notes, it leaves out the notes for people (keys starting with `$`). */
export const packedData = {
  name: 'packed-data',
  setup(build) {
    build.onLoad({ filter: /[\\/](?:service[\\/]data|snippets)[\\/][^\\/]+\.json$/ }, (args) => {
      const name = path.basename(args.path);
      const imports = `import { unpackAscii } from ${JSON.stringify(INFLATE)};\n`;
      if (PACKED_WHOLE.has(name)) {
        const data = withoutNotes(JSON.parse(readFileSync(args.path, 'utf8')));
        return { loader: 'js', resolveDir: path.dirname(args.path), contents: `${imports}export default JSON.parse(${packed(asciiJson(data))});\n` };
      }
      const fields = PACKED[name];
      if (!fields) return undefined;
      const data = JSON.parse(readFileSync(args.path, 'utf8'));
      const parts = [];
      for (const [key, value] of Object.entries(data)) {
        if (key.startsWith('$')) continue;
        if (!fields.includes(key)) parts.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}`);
        else if (typeof value !== 'string' || !/^[\x20-\x7e]*$/.test(value)) throw new Error(`${args.path}: ${key} must be printable ASCII to be packed`);
        else parts.push(`${JSON.stringify(key)}: ${packed(value)}`);
      }
      return { loader: 'js', resolveDir: path.dirname(args.path), contents: `${imports}export default { ${parts.join(', ')} };\n` };
    });
  },
};
