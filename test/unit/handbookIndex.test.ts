import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { extractFrontMatter, extractPage, frontMatterBlockFacts, isPublished } from '../../server/src/service/handbook/extract';
import { CORPUS, HANDBOOK } from '../support/paths';
import { sitePathOf } from '../../server/src/service/handbook/index';
import { Suggester } from '../../server/src/service/handbook/suggest';
import { MemoryWorkspace } from '../support/memoryWorkspace';
import { codes, doc, findingsOf, NEVER, service } from '../support/service';

const PAGES = {
  'config/_default/config.yaml': 'markup: {}\n',
  'content/handbook/_index.md': '---\ntitle: Handbook\n---\n',
  'content/handbook/hiring/_index.md': '---\ntitle: Hiring\ndescription: How we hire.\naliases:\n  - /handbook/recruiting/\n---\n\n## Screening call\n\n## Screening call\n\n## Offers {#offer-stage}\n\n<a id="legacy-anchor"></a>\n',
  'content/handbook/values.md': '---\ntitle: Values\n---\n\n## Diversity, Inclusion & Belonging\n\n```\n## not a heading\n```\n\nResults\n=======\n',
  'content/handbook/leaf/index.md': '---\ntitle: Leaf bundle\n---\n',
  'content/job-families/sales/deal-desk.md': '---\ntitle: Deal Desk\n---\n\n## Levels\n',
  'README.md': 'not in content',
};

async function indexed(files: Record<string, string> = PAGES) {
  const ws = new MemoryWorkspace(files);
  const ls = service(ws);
  await ls.initialize(NEVER);
  return { ws, ls, index: ls.index };
}

describe('handbook index', () => {
  it('maps every page under content/ to its site path, as Hugo does', async () => {
    const { index } = await indexed();
    assert.equal(index.size, 5);
    assert.equal(index.resolve('/handbook/hiring/')?.title, 'Hiring');
    assert.equal(index.resolve('/handbook/hiring')?.title, 'Hiring', 'with or without the trailing slash');
    assert.equal(index.resolve('/handbook/values/')?.title, 'Values');
    assert.equal(index.resolve('/handbook/leaf/')?.title, 'Leaf bundle');
    assert.equal(index.resolve('/job-families/sales/deal-desk/')?.title, 'Deal Desk');
    assert.equal(index.resolve('/handbook/recruiting/')?.title, 'Hiring', 'aliases resolve');
    assert.equal(index.resolve('/handbook/missing/'), undefined);
  });

  it('keeps heading anchors as Hugo makes them: slugs, repeats, custom and HTML ids, no code', async () => {
    const { index, ws } = await indexed();
    await index.readAnchors([ws.uri('content/handbook/hiring/_index.md'), ws.uri('content/handbook/values.md')], NEVER);
    assert.deepEqual(index.resolve('/handbook/hiring/')?.anchors, ['screening-call', 'screening-call-1', 'offer-stage', 'legacy-anchor']);
    assert.deepEqual(index.resolve('/handbook/values/')?.anchors, ['diversity-inclusion--belonging', 'results']);
  });

  it('resolves ref shortcodes: absolute, relative to the section, or by unique name', async () => {
    const { index, ws } = await indexed();
    const from = ws.uri('content/handbook/hiring/_index.md');
    assert.equal(index.resolveRef('/handbook/values', from)?.title, 'Values');
    assert.equal(index.resolveRef('values', ws.uri('content/handbook/values.md'))?.title, 'Values');
    assert.equal(index.resolveRef('deal-desk', from)?.title, 'Deal Desk');
    assert.equal(index.resolveRef('sales/deal-desk.md', from)?.title, 'Deal Desk');
    assert.equal(index.resolveRef('nothing', from), undefined);
  });

  it('follows file events: created, changed, deleted and renamed pages', async () => {
    const { index, ws } = await indexed();
    const v = index.version;
    ws.set('content/handbook/new.md', '---\ntitle: New\n---\n\n## Part\n');
    assert.equal(await index.fileChanged(ws.uri('content/handbook/new.md'), false, NEVER), true);
    assert.deepEqual(index.resolve('/handbook/new/')?.anchors, [], 'its anchors wait until something links to them');
    await index.readAnchors([ws.uri('content/handbook/new.md')], NEVER);
    assert.deepEqual(index.resolve('/handbook/new/')?.anchors, ['part']);
    ws.set('content/handbook/new.md', '---\ntitle: New\n---\n\n## Other part\n');
    await index.fileChanged(ws.uri('content/handbook/new.md'), false, NEVER);
    assert.deepEqual(index.resolve('/handbook/new/')?.anchors, ['other-part']);
    // A rename arrives as a delete and a create.
    const text = '---\ntitle: New\n---\n';
    ws.delete('content/handbook/new.md');
    ws.set('content/handbook/renamed.md', text);
    await index.fileChanged(ws.uri('content/handbook/new.md'), true, NEVER);
    await index.fileChanged(ws.uri('content/handbook/renamed.md'), false, NEVER);
    assert.equal(index.resolve('/handbook/new/'), undefined);
    assert.equal(index.resolve('/handbook/renamed/')?.title, 'New');
    assert.ok(index.version > v);
  });

  it('answers a path asked before as the index stands now: pages created, deleted, moved, and the newest record of an open page', async () => {
    const { index, ws } = await indexed();
    const uri = ws.uri('content/handbook/new.md');
    assert.equal(index.lookup('/handbook/new/').status, 'missing');
    ws.set('content/handbook/new.md', '---\ntitle: New\n---\n');
    await index.fileChanged(uri, false, NEVER);
    assert.equal(index.resolve('/handbook/new/')?.title, 'New');
    ws.set('content/handbook/new.md', '---\ntitle: New\naliases:\n  - /handbook/old/\n---\n');
    await index.fileChanged(uri, false, NEVER);
    assert.equal(index.lookup('/handbook/old/').status, 'redirect');
    ws.set('content/handbook/new.md', '---\ntitle: New\nurl: /handbook/moved/\n---\n');
    await index.fileChanged(uri, false, NEVER);
    assert.equal(index.lookup('/handbook/new/').status, 'missing');
    assert.equal(index.lookup('/handbook/old/').status, 'missing');
    assert.equal(index.resolve('/handbook/moved/')?.title, 'New');
    // Typing in an open page replaces its record without changing what links see: the newest comes back.
    const values = ws.uri('content/handbook/values.md');
    index.documentChanged(values, '---\ntitle: Values\n---\n\n## Iteration\n\nSome text.\n');
    assert.equal(index.resolve('/handbook/values/'), index.page(values));
    const before = index.page(values);
    assert.equal(index.documentChanged(values, '---\ntitle: Values\n---\n\n## Iteration\n\nSome more text.\n'), false);
    assert.notEqual(index.page(values), before);
    assert.equal(index.resolve('/handbook/values/'), index.page(values));
    ws.delete('content/handbook/new.md');
    await index.fileChanged(uri, true, NEVER);
    assert.equal(index.lookup('/handbook/moved/').status, 'missing');
  });

  it('uses the unsaved text of open pages until they close', async () => {
    const { index, ws } = await indexed();
    const uri = ws.uri('content/handbook/values.md');
    assert.equal(index.documentChanged(uri, '---\ntitle: Values\n---\n\n## Iteration\n'), true);
    assert.deepEqual(index.resolve('/handbook/values/')?.anchors, ['iteration']);
    assert.equal(index.documentChanged(uri, '---\ntitle: Values\n---\n\n## Iteration\n\nMore text.\n'), false, 'text without new anchors changes nothing others see');
    await index.fileChanged(uri, false, NEVER);
    assert.deepEqual(index.resolve('/handbook/values/')?.anchors, ['iteration'], 'the editor text wins over the disk while open');
    await index.documentClosed(uri, NEVER);
    assert.deepEqual(index.resolve('/handbook/values/')?.anchors, ['diversity-inclusion--belonging', 'results']);
  });

  it('keeps a page that is opened again while its closing reads the disk', async () => {
    const { index, ws } = await indexed();
    const uri = ws.uri('content/handbook/unsaved.md');
    const text = '---\ntitle: Unsaved\n---\n\n## Draft part\n';
    index.documentChanged(uri, text);
    // Closed, and opened again before the close has read the (absent) file.
    const closing = index.documentClosed(uri, NEVER);
    index.documentChanged(uri, text);
    await closing;
    assert.deepEqual(index.resolve('/handbook/unsaved/')?.anchors, ['draft-part']);
    // A file event that reads the disk while the page opens leaves the editor's text too.
    ws.set('content/handbook/values.md', '---\ntitle: Values\n---\n\n## On disk\n');
    const values = ws.uri('content/handbook/values.md');
    const event = index.fileChanged(values, false, NEVER);
    index.documentChanged(values, '---\ntitle: Values\n---\n\n## In the editor\n');
    await event;
    assert.deepEqual(index.resolve('/handbook/values/')?.anchors, ['in-the-editor']);
  });

  it('keeps redirects and suggestions right as the headings, aliases and path of an open page change', async () => {
    const { index, ws } = await indexed();
    const uri = ws.uri('content/handbook/hiring/_index.md');
    assert.equal(index.suggestPath('/handbook/hirin/'), '/handbook/hiring/');
    const v = index.version;
    // Typing in a heading: anchors change, where pages are does not.
    assert.equal(index.documentChanged(uri, PAGES['content/handbook/hiring/_index.md'].replace('## Screening call', '## Phone screen')), true);
    assert.ok(index.version > v);
    assert.deepEqual(index.resolve('/handbook/hiring/')?.anchors.slice(0, 2), ['phone-screen', 'screening-call']);
    assert.equal(index.resolve('/handbook/recruiting/')?.title, 'Hiring', 'the alias still redirects');
    assert.equal(index.suggestPath('/handbook/hirin/'), '/handbook/hiring/');
    // The alias changes: the old one no longer redirects, the new one does.
    assert.equal(index.documentChanged(uri, PAGES['content/handbook/hiring/_index.md'].replace('/handbook/recruiting/', '/handbook/talent/')), true);
    assert.equal(index.resolve('/handbook/recruiting/'), undefined);
    assert.equal(index.resolve('/handbook/talent/')?.title, 'Hiring');
    // The page moves (a front-matter url): suggestions follow it.
    assert.equal(index.documentChanged(uri, PAGES['content/handbook/hiring/_index.md'].replace('description:', 'url: /handbook/hiring-process/\ndescription:')), true);
    assert.equal(index.suggestPath('/handbook/hiring-proces/'), '/handbook/hiring-process/');
    assert.equal(index.resolve('/handbook/recruiting/')?.title, 'Hiring', 'the original alias is back');
  });

  it('keeps the texts of split families only, which read each other', async () => {
    const { index, ws } = await indexed({
      ...PAGES,
      'content/job-families/engineering/backend/_index.md': '---\ntitle: Backend\n---\n\n## Levels\n',
      'content/job-families/engineering/backend/senior.md': '---\ntitle: Senior\n---\n\n## Senior\n',
    });
    assert.equal(index.pageText(ws.uri('content/job-families/sales/deal-desk.md')), undefined, 'a standalone family is read from disk when needed');
    assert.match(index.pageText(ws.uri('content/job-families/engineering/backend/senior.md')) ?? '', /## Senior/);
    assert.match(index.pageText(ws.uri('content/job-families/engineering/backend/_index.md')) ?? '', /## Levels/);
    assert.equal(index.pageText(ws.uri('content/handbook/values.md')), undefined, 'handbook pages are never kept');
    // The family's _index.md changes on disk: it is still a split family.
    const indexUri = ws.uri('content/job-families/engineering/backend/_index.md');
    ws.set('content/job-families/engineering/backend/_index.md', '---\ntitle: Backend\n---\n\n## Levels\n\n### Senior\n');
    await index.fileChanged(indexUri, false, NEVER);
    assert.match(index.pageText(indexUri) ?? '', /### Senior/);
    ws.set('content/job-families/engineering/backend/senior.md', '---\ntitle: Senior\n---\n\n## Senior engineer\n');
    await index.fileChanged(ws.uri('content/job-families/engineering/backend/senior.md'), false, NEVER);
    assert.match(index.pageText(ws.uri('content/job-families/engineering/backend/senior.md')) ?? '', /## Senior engineer/);
  });

  it('suggests the closest existing path for a broken one', async () => {
    const { index } = await indexed();
    assert.deepEqual([index.suggestPath('/handbook/hirring/')], ['/handbook/hiring/']);
  });

  it('suggests the nearest path whatever order the index holds its pages in', () => {
    // The nearer path is 2 edits away; the shorter one 3: it must not win for being shorter.
    const near = '/h/abcdefghijXY';
    const shorter = '/h/abcdefghiQR';
    const tied = ['/h/abcdefghijkm', '/h/abcdefghijkn'];
    for (const paths of [[near, shorter], [shorter, near]]) assert.equal(new Suggester(paths).suggest('/h/abcdefghijkl'), near, paths.join(' '));
    for (const paths of [tied, [...tied].reverse()]) assert.equal(new Suggester(paths).suggest('/h/abcdefghijkl'), tied[0], 'equally near: the first in code-unit order');
  });

  it('treats an escaping path as a broken link and never reads it', async () => {
    const { ls, ws } = await indexed();
    ws.reads.length = 0;
    const page = '---\ntitle: T\n---\n\n[secrets](/handbook/../../etc/passwd) and [x]({{< ref "../../../etc/passwd" >}})\n';
    const f = await findingsOf(ls, doc(ws.uri('content/job-families/sales/t.md'), page));
    assert.deepEqual(codes(f).filter((c) => c === 'JF038'), ['JF038', 'JF038']);
    assert.ok(!ws.reads.some((r) => r.includes('etc')), ws.reads.join('\n'));
  });

  it('stays silent when no handbook checkout is open', async () => {
    const ws = new MemoryWorkspace({ 'notes/page.md': '# x' });
    const ls = service(ws);
    await ls.initialize(NEVER);
    assert.equal(ls.index.links(), undefined);
    const f = await findingsOf(ls, doc(ws.uri('job-families/t.md'), '---\ntitle: T\n---\n\n[x](/handbook/nowhere/)\n'));
    assert.ok(!codes(f).includes('JF038'));
  });

  it('publishes paths as Hugo does: sections, leaf bundles, HTML pages, sanitized and lower-cased segments, slug and url', () => {
    const root = 'file:///hb/content';
    const at = (rel: string, fm: { url?: string; slug?: string } = {}) => sitePathOf(`${root}/${rel}`, root, { url: fm.url, slug: fm.slug });
    assert.equal(at('_index.html'), '/');
    assert.equal(at('handbook/_index.md'), '/handbook/');
    assert.equal(at('handbook/leaf/index.md'), '/handbook/leaf/');
    assert.equal(at('handbook/page.html'), '/handbook/page/');
    assert.equal(at('job-families/finance/Audit-Principal%2C-IT-and-Security.md'), '/job-families/finance/audit-principal-it-and-security/');
    assert.equal(at('handbook/finance-ops/billing-ops-GPO/Upper_Case.md'), '/handbook/finance-ops/billing-ops-gpo/upper_case/');
    assert.equal(at("x/Odd%20Name%2C%20(With)%20Punctuation's.md"), '/x/odd-name-with-punctuations/');
    assert.equal(at('x/Dir%20With%20Space/File%20%20Name.md'), '/x/dir-with-space/file-name/');
    assert.equal(at('x/%C3%BCn%C3%AF/Stra%C3%9Fe%20%C3%9F.md'), '/x/ünï/straße-ß/');
    assert.equal(at('x/a%26b%2Bc~d%40e.md'), '/x/ab+c~d@e/');
    assert.equal(at('x/dots.in.name.md'), '/x/dots.in.name/');
    assert.equal(at('x/fault.html.md'), '/x/fault.html/');
    assert.equal(at('x/page.md', { slug: 'A Slug, Here!' }), '/x/a-slug-here/');
    assert.equal(at('x/bundle/index.md', { slug: 'Bundle Slug' }), '/x/bundle-slug/');
    assert.equal(at('x/section/_index.md', { slug: 'ignored' }), '/x/section/', 'a section keeps its folder name');
    assert.equal(at('x/page.md', { url: '/Custom/Place Here' }), '/Custom/Place Here/', 'url is the path as written');
    assert.equal(at('x/page.md', { url: 'files/page.html' }), '/files/page.html');
  });

  it('finds a page at the path its slug or url gives it', async () => {
    const { index } = await indexed({
      ...PAGES,
      'content/handbook/old-name.md': '---\ntitle: Slugged\nslug: New Name\n---\n',
      'content/handbook/moved.md': '---\ntitle: Moved\nurl: /handbook/elsewhere/\n---\n',
    });
    assert.equal(index.resolve('/handbook/new-name/')?.title, 'Slugged');
    assert.equal(index.resolve('/handbook/elsewhere/')?.title, 'Moved');
    assert.equal(index.resolve('/handbook/moved/'), undefined);
  });

  it('knows which pages Hugo does not write: drafts, build options, headless bundles', () => {
    const fm = (lines: string) => extractPage(`---\ntitle: T\n${lines}\n---\n`);
    assert.deepEqual([fm('draft: true').draft, fm('Draft: "true"').draft, fm('draft: false').draft], [true, true, false]);
    assert.deepEqual([fm('build:\n  render: never').render, fm('_build:\n  render: false').render, fm('build:\n  render: link').render, fm('build:\n  render: always').render], [false, false, false, true]);
    assert.equal(isPublished(fm('headless: true'), 'index.md'), false);
    assert.equal(isPublished(fm('headless: true'), 'page.md'), true, 'headless counts for leaf bundles only');
    assert.equal(isPublished(fm('draft: true'), 'page.md'), false);
    assert.deepEqual([fm('url: /x/y/').url, fm('slug: s').slug, fm('url: ""').url], ['/x/y/', 's', undefined]);
  });

  it('lists include targets and says when anchors cannot all be known', () => {
    const plain = extractPage('---\ntitle: T\n---\n\n## A\n');
    assert.deepEqual([plain.includes, plain.anchorsOpen, plain.openReasons], [[], false, []]);
    const inc = extractPage('---\ntitle: T\n---\n\n## A\n\n{{% include "includes/x.md" %}}\n\n{{% performance-indicators "d" %}}\n');
    assert.deepEqual([inc.includes, inc.anchorsOpen, inc.openReasons], [['includes/x.md'], true, ['included file "includes/x.md" is not read', 'shortcode "performance-indicators" writes headings or ids from data']]);
    const read = extractPage('---\ntitle: T\n---\n\n## A\n\n{{% include "includes/x.md" %}}\n', { readInclude: () => '## A' });
    assert.deepEqual([read.anchors, read.anchorsOpen], [['a', 'a-1'], false]);
  });

  it('reads a page\'s anchors only when a page links to one of them, and then checks them', async () => {
    const page = 'content/job-families/sales/links.md';
    const text = '---\ntitle: Links\n---\n\n[a](/handbook/hiring/#offer-stage) [b](/handbook/hiring/#nope) [c](/handbook/values/#Results) [d](/handbook/recruiting/#screening-call-2) [e](/handbook/leaf/)\n';
    const { ls, ws, index } = await indexed({ ...PAGES, [page]: text });
    const hiring = ws.uri('content/handbook/hiring/_index.md');
    const values = ws.uri('content/handbook/values.md');
    const leaf = ws.uri('content/handbook/leaf/index.md');
    assert.deepEqual(index.page(hiring)?.anchors, [], 'not read while the index is built');
    assert.equal(index.page(hiring)?.title, 'Hiring', 'its front matter is');
    const version = index.version;
    const found = (await findingsOf(ls, doc(ws.uri(page), text))).map((f) => `${f.rule.meta.id} ${f.message}`);
    const anchorFindings = found.filter((f) => /^JF03[67]/.test(f));
    assert.equal(anchorFindings.length, 3, anchorFindings.join('\n'));
    assert.ok(anchorFindings.some((f) => f.startsWith('JF037') && f.includes('#nope')), 'a missing anchor');
    assert.ok(anchorFindings.some((f) => f.startsWith('JF037') && f.includes('#screening-call-2')), 'a missing anchor behind a redirect');
    assert.ok(anchorFindings.some((f) => f.startsWith('JF036') && f.includes('#Results')), 'capitals');
    assert.deepEqual(index.page(hiring)?.anchors, ['screening-call', 'screening-call-1', 'offer-stage', 'legacy-anchor'], 'read for the check');
    assert.deepEqual(index.page(values)?.anchors, ['diversity-inclusion--belonging', 'results']);
    assert.deepEqual(index.page(leaf)?.anchors, [], 'linked without an anchor: not read');
    assert.equal(index.page(leaf)?.title, 'Leaf bundle');
    assert.equal(index.version, version, 'anchors read for the first time are no change');
    // Read once, a page's anchors are followed: a heading renamed on disk changes what links find.
    ws.set('content/handbook/values.md', '---\ntitle: Values\n---\n\n## Outcomes\n');
    await ls.filesChanged([{ uri: values, type: 'changed' }], NEVER);
    assert.deepEqual(index.page(values)?.anchors, ['outcomes']);
    assert.ok(index.version > version, 'a change of anchors that were read is a change');
  });

  it('reads the anchors of a linked page before a hover, a definition or the document links look at them', async () => {
    const page = 'content/job-families/sales/links.md';
    const text = '---\ntitle: Links\n---\n\nSee [offers](/handbook/hiring/#offer-stage).\n';
    const hiring = 'content/handbook/hiring/_index.md';
    // The heading {#offer-stage} is on line 11 (0-based) of the hiring page.
    const line = PAGES[hiring].split('\n').findIndex((l) => l.includes('{#offer-stage}'));
    for (const ask of ['hover', 'definition', 'links'] as const) {
      const { ls, ws, index } = await indexed({ ...PAGES, [page]: text });
      const uri = ws.uri(page);
      ls.openDocument(doc(uri, text), { jobFamily: true });
      assert.deepEqual(index.page(ws.uri(hiring))?.anchors, [], 'not read yet');
      const at = { line: 4, character: 8 };
      if (ask === 'hover') {
        const hover = await ls.getHover(uri, at, NEVER);
        assert.match(JSON.stringify(hover?.contents), /Section: \*\*Offers\*\*/);
      } else if (ask === 'definition') {
        assert.deepEqual(await ls.getDefinition(uri, at, NEVER), { uri: ws.uri(hiring), range: { start: { line, character: 0 }, end: { line, character: 0 } } });
      } else {
        assert.deepEqual((await ls.getDocumentLinks(uri, NEVER)).map((l) => l.target), [`${ws.uri(hiring)}#L${line + 1}`]);
      }
    }
  });

  it('reads front matter alone as the whole page\'s facts give it', () => {
    for (const text of ['---\ntitle: "T"\ndescription: D\naliases: /old/\n---\n# A\n', '---\r\ntitle: T\r\ndraft: true\r\n...\r\n# A', '\uFEFF---  \rurl: /x/\r---\r', '---\ntitle: never closed\n', 'no front matter\n---\n', '---\n---\n', '']) {
      const unread = { anchors: [], headings: [], includes: [], anchorsOpen: false, openReasons: [] };
      assert.deepEqual(extractFrontMatter(text), { ...extractPage(text), ...unread }, JSON.stringify(text));
    }
  });

  it('reads a page\'s facts in one pass', () => {
    const facts = extractPage('---\ntitle: "T"\ndescription: D\naliases: /old/\n---\n# A\n\nB\n---\n\n~~~\n# no\n~~~\n');
    assert.deepEqual([facts.title, facts.description, facts.aliases, facts.anchors], ['T', 'D', ['/old/'], ['a', 'b']]);
  });
});

describe('front matter read without the YAML parser', () => {
  const blocks = (): string[][] => {
    const out: string[][] = [];
    for (const root of [path.join(HANDBOOK, 'content'), path.join(CORPUS, 'job-families')]) {
      if (!existsSync(root)) continue;
      for (const file of readdirSync(root, { recursive: true }) as string[]) {
        if (!/\.(?:md|html)$/.test(file)) continue;
        const lines = readFileSync(path.join(root, file), 'utf8').split(/\r\n|\r|\n/);
        const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
        if (/^\uFEFF?---\s*$/.test(lines[0] ?? '') && close > 0) out.push(lines.slice(1, close));
      }
    }
    return out;
  };

  it('gives the facts the YAML parser gives, on every page of the checkout and the corpus', () => {
    const all = blocks();
    assert.ok(all.length > 4000, `${all.length} front matters`);
    const differ = all.filter((b) => !isDeepStrictEqual(frontMatterBlockFacts(b), frontMatterBlockFacts(b, true)));
    assert.deepEqual(differ.slice(0, 3).map((b) => b.join('\n')), []);
  });

  it('gives them on the shapes it reads itself and on those it leaves to the parser', () => {
    const cases = [
      'title: 2024\ndescription: 10\ndraft: true\nheadless: False',
      'title: Hiring\n# a comment\n  # an indented one\ntags:\n  - one\n  - two\naliases:\n- /old/',
      'title: x\ntags:\n  - a\n    - b',
      'title: x\ntags:\n\t- a',
      'title: first\ntitle: second',
      'title: yes\ndraft: on',
      'title: 0x1F\ndescription: .inf',
      'title: 1e3\ndescription: -0.5\nslug: +12',
      '__proto__: x\ntitle: Proto',
      'aliases:\ntitle: Empty list',
      'title: x # trailing comment',
      'title: Design\nauthors: [ "@a", "@b" ]\naliases: ["/one/", "/two/"]\ndris: []',
      'title: Flow\naliases: [ /plain/, "x" ]',
      'title: Flow\naliases: [ "a\\"b" ]',
    ];
    for (const c of cases) assert.deepEqual(frontMatterBlockFacts(c.split('\n')), frontMatterBlockFacts(c.split('\n'), true), c);
  });
});
