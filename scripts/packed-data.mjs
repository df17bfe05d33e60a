// Hugo's emoji names are the largest data the bundles carry (31 KB as written in
// server/src/service/data/emoji.json, which stays readable in the repository). This esbuild
// plugin ships them compressed instead (raw DEFLATE in base64, 18 KB), unpacked once when the
// module loads by server/src/service/util/inflate.ts. Tests run the service from the data file
// as written; test/unit/packedData.test.ts checks that a bundle reads the same names.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateRawSync } from 'node:zlib';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const INFLATE = path.join(root, 'server', 'src', 'service', 'util', 'inflate.ts');

/** Data files and which of their string fields ship packed. */
const PACKED = { 'emoji.json': ['names'] };

/** Like data-without-notes, it leaves out the notes for people (keys starting with `$`). */
export const packedData = {
  name: 'packed-data',
  setup(build) {
    build.onLoad({ filter: /[\\/]service[\\/]data[\\/][^\\/]+\.json$/ }, (args) => {
      const fields = PACKED[path.basename(args.path)];
      if (!fields) return undefined;
      const data = JSON.parse(readFileSync(args.path, 'utf8'));
      const parts = [];
      for (const [key, value] of Object.entries(data)) {
        if (key.startsWith('$')) continue;
        if (!fields.includes(key)) parts.push(`${JSON.stringify(key)}: ${JSON.stringify(value)}`);
        else if (typeof value !== 'string' || !/^[\x20-\x7e]*$/.test(value)) throw new Error(`${args.path}: ${key} must be printable ASCII to be packed`);
        else parts.push(`${JSON.stringify(key)}: unpackAscii(${JSON.stringify(deflateRawSync(value, { level: 9 }).toString('base64'))})`);
      }
      return { loader: 'js', resolveDir: path.dirname(args.path), contents: `import { unpackAscii } from ${JSON.stringify(INFLATE)};\nexport default { ${parts.join(', ')} };\n` };
    });
  },
};
