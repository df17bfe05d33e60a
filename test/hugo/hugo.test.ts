import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { NEVER_CANCELLED, createLanguageService } from '../../server/src/service';
import { EMOJI, EMOJI_SYMBOL, emojify } from '../../server/src/service/anchors/emoji';
import { extractPage, isPublished } from '../../server/src/service/handbook/extract';
import { sitePathOf } from '../../server/src/service/handbook/index';
import { FileWorkspace, toUri } from '../../server/src/node/fileWorkspace';
import { CORPUS, FIXTURES, HANDBOOK } from '../support/paths';
import { allFiles, hugoVersion, OracleSite, type OraclePage } from './site';

/**
 * Hugo is the oracle: pages are rendered by a real Hugo with the handbook's goldmark
 * settings, and the paths and anchors the handbook index computes for them must be exactly
 * the ones Hugo publishes. A page whose anchors are open (shortcodes writing headings from
 * data, include files not read) must still have every anchor the index claims.
 */
const ANCHOR_FIXTURES = path.join(FIXTURES, 'anchors');
const CONFIG = path.join(HANDBOOK, 'config', '_default', 'config.yaml');

interface Checked {
  pages: number;
  anchors: number;
  open: number;
  problems: string[];
}

/** Compares every content file of the site with what Hugo made of it. */
function compare(site: OracleSite, rendered: Map<string, OraclePage>, readInclude?: (p: string) => string | undefined): Checked {
  const result: Checked = { pages: 0, anchors: 0, open: 0, problems: [] };
  const contentUri = toUri(site.content);
  const ours = new Set<string>();
  for (const file of allFiles(site.content)) {
    const rel = path.relative(site.content, file).split(path.sep).join('/');
    // Hugo, like the index, skips files and folders whose names start with a dot.
    if (rel.split('/').some((s) => s.startsWith('.')) || !/\.(?:md|html)$/.test(rel)) continue;
    ours.add(rel);
    const facts = extractPage(readFileSync(file, 'utf8'), { html: rel.endsWith('.html'), readInclude });
    const published = isPublished(facts, path.basename(rel));
    const sitePath = sitePathOf(toUri(file), contentUri, facts);
    const hugo = rendered.get(rel);
    result.pages++;
    if (!published || !hugo) {
      if (published !== !!hugo) result.problems.push(`${rel}: ${hugo ? `Hugo publishes it at ${hugo.path}, the index says it is not published` : `the index publishes it at ${sitePath}, Hugo does not publish it`}`);
      continue;
    }
    if (hugo.path !== sitePath) result.problems.push(`${rel}: path ${sitePath}, Hugo publishes ${hugo.path}`);
    const mine = new Set(facts.anchors);
    const theirs = new Set(hugo.ids);
    const onlyHugo = [...theirs].filter((a) => !mine.has(a));
    const onlyMine = [...mine].filter((a) => !theirs.has(a));
    result.anchors += mine.size;
    if (facts.anchorsOpen) result.open++;
    if (onlyMine.length || (!facts.anchorsOpen && onlyHugo.length)) {
      result.problems.push(
        `${rel}${facts.anchorsOpen ? ' (anchors open)' : ''}:` +
          (onlyMine.length ? `\n    claimed, not in Hugo's output: ${onlyMine.map((a) => JSON.stringify(a)).join(' ')}` : '') +
          (onlyHugo.length && !facts.anchorsOpen ? `\n    in Hugo's output, not claimed: ${onlyHugo.map((a) => JSON.stringify(a)).join(' ')}` : ''),
      );
    }
  }
  for (const rel of rendered.keys()) if (!ours.has(rel)) result.problems.push(`${rel}: Hugo published a page the index does not have`);
  return result;
}

function report(what: string, c: Checked): string {
  const shown = c.problems.slice(0, 40).join('\n  ');
  return `${c.problems.length} of ${c.pages} ${what} differ from Hugo:\n  ${shown}${c.problems.length > 40 ? `\n  … and ${c.problems.length - 40} more` : ''}`;
}

/** The index itself (its walk, its use of sitePathOf with the page's facts) gives the same paths and anchors. */
async function indexAgrees(site: OracleSite): Promise<string[]> {
  const ls = createLanguageService({ workspace: FileWorkspace.fromPaths([site.dir]) });
  await ls.initialize(NEVER_CANCELLED);
  // The index reads a page's anchors when something links to them: here, every page's.
  await ls.index.readAnchors([...ls.index.pages()].map((p) => p.uri), NEVER_CANCELLED);
  // The index spells URIs its own way (a comma as %2C): match them decoded.
  const byFile = new Map([...ls.index.pages()].map((p) => [decodeURIComponent(p.uri), p]));
  const problems: string[] = [];
  const contentUri = toUri(site.content);
  let pages = 0;
  for (const file of allFiles(site.content)) {
    if (!/\.(?:md|html)$/.test(file) || path.relative(site.content, file).split(path.sep).some((s) => s.startsWith('.'))) continue;
    pages++;
    const uri = toUri(file);
    const page = byFile.get(decodeURIComponent(uri));
    const facts = extractPage(readFileSync(file, 'utf8'), { html: file.endsWith('.html') });
    if (!page) problems.push(`${file}: not in the index`);
    else if (page.path !== sitePathOf(uri, contentUri, facts) || page.anchors.join(' ') !== facts.anchors.join(' ')) problems.push(`${file}: the index has ${page.path} ${page.anchors.join(' ')}`);
  }
  if (byFile.size !== pages) problems.push(`the index has ${byFile.size} pages, the content folder ${pages}`);
  return problems;
}

/**
 * Real pages, chosen the same way every run: each page with something tricky (headings with
 * markup, emoji codes, footnotes, attribute lists, HTML ids, setext headings, shortcodes,
 * build options, odd file names), thinned to at most 60 per kind, and every 40th page.
 */
function samplePages(files: readonly string[]): string[] {
  const kinds: [string, (rel: string, body: string, front: string) => boolean][] = [
    ['markup in headings', (_r, b) => /^ {0,3}#{1,6}[ \t][^\n]*[<&`*[\\{]/m.test(b)],
    ['emoji in headings', (_r, b) => /^ {0,3}#{1,6}[ \t][^\n]*:[A-Za-z0-9_+-]+:/m.test(b)],
    ['footnotes', (_r, b) => /^\[\^[^\]\n]+\]:/m.test(b)],
    ['attribute lists', (_r, b) => /^ {0,3}\{[#.][^}\n]*\}[ \t]*$/m.test(b)],
    ['HTML ids', (_r, b) => /<[A-Za-z][^>\n]*\b(?:id|name)\s*=/.test(b)],
    ['setext headings', (_r, b) => /\n[^\s][^\n]*\n {0,3}(?:=+|-+)[ \t]*(?:\n|$)/.test(b)],
    ['shortcodes', (_r, b) => /\{\{[<%]/.test(b)],
    ['build options', (_r, _b, f) => /^(?:draft|build|_build|url|slug|headless):/im.test(f)],
    ['odd names', (r) => /[A-Z ,]|\.[^./]*\.|\.html$/.test(r)],
  ];
  const chosen = new Set<string>();
  const byKind = new Map<string, string[]>(kinds.map(([k]) => [k, []]));
  files.forEach((rel, i) => {
    const text = readFileSync(path.join(HANDBOOK, 'content', rel), 'utf8');
    const front = /^---\r?\n[\s\S]*?\r?\n---/.exec(text)?.[0] ?? '';
    const body = text.slice(front.length);
    for (const [k, test] of kinds) if (test(rel, body, front)) byKind.get(k)!.push(rel);
    if (i % 40 === 0) chosen.add(rel);
  });
  for (const list of byKind.values()) {
    const step = Math.max(1, Math.ceil(list.length / 60));
    list.forEach((rel, i) => {
      if (i % step === 0) chosen.add(rel);
    });
  }
  return [...chosen].sort();
}

describe('paths and anchors, proven with Hugo', function () {
  this.timeout(300_000);
  let version = '';

  before(function () {
    version = hugoVersion();
    assert.ok(existsSync(CONFIG), `The handbook checkout (JOBFAMILY_HANDBOOK) has no ${CONFIG}.`);
  });

  it('fixture pages: every heading, attribute, HTML and footnote anchor case, and odd file names', async function () {
    const site = new OracleSite(CONFIG);
    try {
      const content = path.join(ANCHOR_FIXTURES, 'content');
      // Under content/handbook, where the index looks for a checkout.
      for (const file of allFiles(content)) site.addPage(path.join('handbook', 'fixtures', path.relative(content, file)), readFileSync(file, 'utf8'));
      site.addAssets(path.join(ANCHOR_FIXTURES, 'assets'));
      const readInclude = (p: string): string | undefined => {
        const f = path.join(site.assets, p);
        return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
      };
      const c = compare(site, site.render(), readInclude);
      assert.ok(c.pages >= 20 && c.anchors >= 200, `only ${c.pages} fixture pages with ${c.anchors} anchors`);
      assert.deepEqual(c.problems, [], report('fixture pages', c));
      assert.deepEqual(await indexAgrees(site), []);
    } finally {
      site.dispose();
    }
  });

  it('real handbook and job-family pages (a fixed sample; JOBFAMILY_HUGO_ALL=1 for every page)', async function () {
    const contentDir = path.join(HANDBOOK, 'content');
    const files = allFiles(contentDir)
      .map((f) => path.relative(contentDir, f).split(path.sep).join('/'))
      .filter((rel) => /\.(?:md|html)$/.test(rel) && !rel.split('/').some((s) => s.startsWith('.')));
    assert.ok(files.length > 1000, `${contentDir} has only ${files.length} pages`);
    const pages = process.env.JOBFAMILY_HUGO_ALL ? files : samplePages(files);
    const site = new OracleSite(CONFIG);
    try {
      for (const rel of pages) site.addPage(rel, readFileSync(path.join(contentDir, rel), 'utf8'));
      const families = path.join(CORPUS, 'job-families');
      for (const file of allFiles(families).filter((f) => f.endsWith('.md'))) site.addPage(path.join('job-families', path.relative(families, file)), readFileSync(file, 'utf8'));
      // The checkout has no assets/: include targets cannot be read, as in the index.
      const c = compare(site, site.render(), (p) => {
        const f = path.join(HANDBOOK, 'assets', p);
        return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
      });
      process.stdout.write(`      Hugo ${/v[0-9.]+/.exec(version)?.[0] ?? version}: ${c.pages} pages (${pages.length} handbook, ${c.pages - pages.length} job families), ${c.anchors} anchors, ${c.open} with open anchors\n`);
      assert.ok(c.pages >= 300, `only ${c.pages} pages checked`);
      assert.deepEqual(c.problems, [], report('real pages', c));
      assert.deepEqual(await indexAgrees(site), []);
    } finally {
      site.dispose();
    }
  });

  it("the emoji table is Hugo's: every name it replaces, what each leaves in an ID, and names not in it stay", function () {
    const names = [...EMOJI.keys()];
    const unknown = [':notanemoji:', ':Smile:', ':smile_:', ':+2:', ':ünï:'];
    const site = new OracleSite(CONFIG);
    try {
      const lines = [...names, ...unknown].map((n, i) => `<p>q${i} ${n} z</p>`);
      site.addPage('emoji.md', `---\ntitle: Emoji\n---\n\n<div>\n${lines.join('\n')}\n</div>\n`);
      site.render();
      const html = readFileSync(path.join(site.dir, 'public', 'emoji', 'index.html'), 'utf8');
      const got = new Map([...html.matchAll(/<p>q(\d+) (.*?) z<\/p>/g)].map((m) => [Number(m[1]), m[2]!]));
      // A stand-in is right when Hugo's emoji is all symbols (no letter, digit or ASCII); a kept emoji is Hugo's own.
      const agrees = (ours: string, hugo: string | undefined): boolean => (ours === EMOJI_SYMBOL ? hugo !== undefined && !/[\p{L}\p{Nd}\x00-\x7f]/u.test(hugo) : ours === hugo);
      const wrong = [...names, ...unknown].filter((n, i) => !agrees(emojify(n), got.get(i)));
      assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} emoji names differ from Hugo`);
      assert.ok(names.length > 4000);
      assert.ok(names.filter((n) => emojify(n) !== EMOJI_SYMBOL).length >= 20, 'the keycaps are kept');
    } finally {
      site.dispose();
    }
  });
});
