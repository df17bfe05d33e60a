import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { deflateRawSync, constants as zlib } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { EMOJI } from '../../server/src/service/anchors/emoji';
import { extractPage } from '../../server/src/service/handbook/extract';
import { createLanguageService, lintText, parseConfigFile, RULES } from '../../server/src/service/index';
import shortcodeTable from '../../server/src/service/data/shortcodes.json';
import { parseMisusedTerms } from '../../server/src/service/model/terms';
import { SNIPPETS } from '../../server/src/service/snippets';
import { inflateRaw, unpackAscii } from '../../server/src/service/util/inflate';
import { corpusPages } from '../support/corpusPages';
import { HANDBOOK, ROOT } from '../support/paths';

// The bundles read the service's data and yaml through their own plugins (scripts/bundles.mjs:
// packed data files, a yaml without its writer and YAML 1.1 types). The tests run the service
// as tsc builds it, so this suite checks that a bundle made with those plugins reads every real
// page, every handbook page and awkward YAML exactly as the service does.

type Service = {
  EMOJI: typeof EMOJI;
  extractPage: typeof extractPage;
  createLanguageService: typeof createLanguageService;
  lintText: typeof lintText;
  parseConfigFile: typeof parseConfigFile;
  RULES: typeof RULES;
  parseMisusedTerms: typeof parseMisusedTerms;
  SNIPPETS: typeof SNIPPETS;
  SHORTCODES: unknown;
};

async function bundledService(): Promise<Service> {
  const { PLUGINS } = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'bundles.mjs')).href)) as { PLUGINS: Plugin[] };
  const outfile = path.join(ROOT, 'out', 'bundled-service', 'service.js');
  mkdirSync(path.dirname(outfile), { recursive: true });
  const result = await build({
    stdin: {
      contents: [
        "export { EMOJI } from './anchors/emoji';",
        "export { extractPage } from './handbook/extract';",
        "export { createLanguageService, lintText, parseConfigFile, RULES } from './index';",
        "export { parseMisusedTerms } from './model/terms';",
        "export { SNIPPETS } from './snippets';",
        "export { default as SHORTCODES } from './data/shortcodes.json';",
      ].join('\n'),
      resolveDir: path.join(ROOT, 'server', 'src', 'service'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    plugins: PLUGINS,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  // A message of yaml's writer and the YAML 1.1 timestamp tag: both are left out.
  assert.ok(!code.includes('Cannot stringify circular structure') && !code.includes('tag:yaml.org,2002:timestamp'), 'the bundle still holds the yaml parts the plugins leave out');
  writeFileSync(outfile, code);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(outfile) as Service;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p) : /\.(md|html)$/.test(n) ? [p] : [];
    });
}

/** Front matter that a bundle's yaml reads differently from the whole package, or might. */
const AWKWARD_YAML = [
  '---\n%YAML 1.1\n---\ntitle: yes\ndescription: on\n---\n',
  '---\ntitle: Backend Engineer\ndate: !!timestamp 2001-12-14\nbits: !!binary aGVsbG8=\nset: !!set { a, b }\n---\n',
  '---\n? [a, b]\n: c\n? { x: 1 }\n: d\ntitle: Complex keys\n---\n',
  '---\nbase: &base { title: Anchor }\nother:\n  <<: *base\n  extra: 1\ntitle: *base\n---\n',
  '---\ntitle: "unterminated\n---\n',
  '---\ntitle: [1, 2\n---\n',
  '---\n- a list\n- not a map\n---\n',
  '---\ntitle: x\ntitle: y\n---\n',
  '---\n!!omap [ a: 1 ]\n---\n',
];

describe('a bundle reads data and YAML as the service does', function () {
  this.timeout(120_000);
  let bundled: Service;
  before(async () => {
    bundled = await bundledService();
  });

  it("knows Hugo's emoji names from the packed table", () => {
    assert.ok(EMOJI.size > 1800);
    assert.deepEqual([...bundled.EMOJI], [...EMOJI]);
  });

  it('has the same snippets and shortcode table from the packed files', () => {
    assert.deepEqual(bundled.SNIPPETS, SNIPPETS);
    // The notes for people (keys starting with `$`) stay in the repository.
    const withoutNotes = (v: unknown): unknown => (Array.isArray(v) ? v.map(withoutNotes) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, withoutNotes(x)])) : v);
    assert.deepEqual(bundled.SHORTCODES, withoutNotes(shortcodeTable));
  });

  it('finds the same on every corpus page and on awkward front matter', async () => {
    const pages = [...corpusPages().map((p) => ({ uri: `file:///hb/content/job-families/${p.rel}`, text: p.text })), ...AWKWARD_YAML.map((y, i) => ({ uri: `file:///hb/content/job-families/engineering/awkward-${i}.md`, text: `${y}\n## Responsibilities\n\n- Ship\n` }))];
    assert.ok(pages.length > AWKWARD_YAML.length, 'no corpus pages: set JOBFAMILY_CORPUS');
    const plain = createLanguageService();
    const packed = bundled.createLanguageService();
    for (const page of pages) {
      const want = await lintText(plain, page.uri, page.text);
      const got = await bundled.lintText(packed, page.uri, page.text);
      assert.deepEqual(JSON.parse(JSON.stringify(got)), JSON.parse(JSON.stringify(want)), page.uri);
    }
  });

  it("extracts the same facts from every page of the handbook checkout and from awkward front matter", () => {
    const content = path.join(HANDBOOK, 'content');
    assert.ok(existsSync(content), `no handbook checkout at ${HANDBOOK}: set JOBFAMILY_HANDBOOK`);
    const texts = [...filesUnder(content).map((f) => readFileSync(f, 'utf8')), ...AWKWARD_YAML];
    assert.ok(texts.length > 4000);
    for (const text of texts) assert.deepEqual(bundled.extractPage(text), extractPage(text));
  });

  it("reads the handbook's misused-terms list and a configuration file the same", () => {
    const terms = readFileSync(path.join(HANDBOOK, 'data', 'misused_terms.yml'), 'utf8');
    assert.deepEqual(bundled.parseMisusedTerms(terms), parseMisusedTerms(terms));
    const config = 'rules:\n  JF001: warning\n  JF027: off\nfiles:\n  - "**/job-families/**/*.md"\ngrades:\n  extra: { 20: "Fellow" }\n';
    assert.deepEqual(bundled.parseConfigFile(config, bundled.RULES), parseConfigFile(config, RULES));
  });
});

describe('the inflater of packed data', () => {
  const texts: [string, Buffer][] = [
    ['empty', Buffer.alloc(0)],
    ['short text', Buffer.from('smile,smiley,+1,-1,flag_white')],
    ['repeats beyond a window', Buffer.from('abcdefgh'.repeat(9000) + 'xyz'.repeat(3000))],
    ['random bytes', Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24))],
  ];
  for (const [name, input] of texts) {
    for (const [how, options] of [
      ['stored', { level: 0 }],
      ['fixed codes', { strategy: zlib.Z_FIXED }],
      ['dynamic codes', { level: 9 }],
      ['Huffman only', { strategy: zlib.Z_HUFFMAN_ONLY }],
    ] as const) {
      it(`reads ${name} written with ${how}`, () => {
        assert.deepEqual(Buffer.from(inflateRaw(deflateRawSync(input, options))), input);
      });
    }
  }

  it('unpacks base64 of ASCII text', () => {
    const text = 'grinning,4ing,+1,_tone*'.repeat(50);
    assert.equal(unpackAscii(deflateRawSync(text).toString('base64')), text);
  });

  it('says the data is damaged, never hangs or reads past the end', () => {
    const good = deflateRawSync(Buffer.from('hello hello hello hello'));
    assert.throws(() => inflateRaw(good.subarray(0, good.length - 2)), /Damaged compressed data/);
    assert.throws(() => inflateRaw(Uint8Array.from([0x07])), /Damaged compressed data/);
    assert.throws(() => inflateRaw(Uint8Array.from([0x01, 0x05, 0x00, 0x00, 0x00])), /Damaged compressed data/);
    assert.throws(() => unpackAscii('not base64!'), /Damaged compressed data/);
  });
});
