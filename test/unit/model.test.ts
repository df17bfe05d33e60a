import * as assert from 'node:assert/strict';
import { parseModel } from '../../server/src/service/model/model';

const URI = 'file:///hb/content/job-families/engineering/backend.md';

describe('model: front matter', () => {
  it('reads keys, values and exact ranges', () => {
    const m = parseModel('---\ntitle: "Backend"\ndescription: Builds things\n---\n\nText\n', URI);
    assert.equal(m.title, 'Backend');
    const d = m.frontMatter!.entries.find((e) => e.key === 'description')!;
    assert.deepEqual(d.keyRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } });
    assert.deepEqual(d.valueRange.start, { line: 2, character: 13 });
    assert.equal(m.frontMatter!.bodyStartLine, 4);
  });

  it('reports a YAML error at its position', () => {
    const m = parseModel('---\ntitle: Manager: Backend\n---\n', URI);
    const e = m.frontMatter!.errors[0]!;
    assert.equal(e.range.start.line, 1);
    assert.equal(e.range.start.character, 7);
  });

  it('notices an unclosed block, blank values and blank lines', () => {
    assert.match(parseModel('---\ntitle: x\n\nmore text', URI).frontMatter!.errors[0]!.message, /never closed/);
    const m = parseModel('---\ntitle: x\n\ndescription:\n---\n', URI);
    assert.deepEqual(m.frontMatter!.blankLines, [2]);
    assert.equal(m.frontMatter!.entries.find((e) => e.key === 'description')!.isBlank, true);
  });

  it('handles a byte-order mark, CRLF and lone CR line endings alike', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const m = parseModel(['\uFEFF---', 'title: T', '---', '', '## Responsibilities', '', '- a'].join(eol), URI);
      assert.equal(m.title, 'T', JSON.stringify(eol));
      assert.equal(m.headings[0]!.line, 4, JSON.stringify(eol));
      assert.equal(m.listItems[0]!.line, 6, JSON.stringify(eol));
    }
  });
});

describe('model: sections', () => {
  const page = [
    '---', 'title: T', '---', '',
    '## Responsibilites', '', '- a', '',
    '## Levels', '',
    '### Senior Backend Engineer', '',
    'The Senior Backend Engineer reports to the manager.', '',
    '#### Senior Backend Engineer Job Grade', '',
    'The Senior Backend Engineer is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).', '',
    '#### Senior Requirements', '', '- b', '',
    '## Responsibilities and Requirements', '', 'x',
  ].join('\n');
  const m = parseModel(page, URI);

  it('classifies standard headings, with level prefixes', () => {
    const grade = m.sections.find((s) => s.heading?.text.endsWith('Job Grade'))!;
    assert.equal(grade.kind, 'job-grade');
    assert.equal(grade.prefix, 'Senior Backend Engineer');
    assert.deepEqual(grade.prefixRange, { start: { line: 14, character: 5 }, end: { line: 14, character: 28 } });
    assert.equal(m.sections.find((s) => s.heading?.text === 'Senior Requirements')!.prefix, 'Senior');
  });

  it('finds misspelt standard headings with the corrected text', () => {
    const s = m.sections.find((x) => x.heading?.text === 'Responsibilites')!;
    assert.equal(s.kind, undefined);
    assert.equal(s.misspelling!.expected, 'Responsibilities');
    assert.deepEqual(s.misspelling!.range, { start: { line: 4, character: 3 }, end: { line: 4, character: 18 } });
  });

  it('understands combined headings', () => {
    const s = m.sections.find((x) => x.heading?.text === 'Responsibilities and Requirements')!;
    assert.equal(s.kind, 'requirements');
    assert.equal(s.alsoKind, 'responsibilities');
  });

  it('finds levels with their grade sentence and its subject', () => {
    assert.equal(m.layout, 'template-1');
    assert.equal(m.levels.length, 1);
    const level = m.levels[0]!;
    assert.equal(level.title, 'Senior Backend Engineer');
    assert.equal(level.grade!.grade, 7);
    assert.equal(level.grade!.form, 'linked');
    assert.equal(level.grade!.subject!.text, 'Senior Backend Engineer');
    assert.equal(level.track, 'individual');
  });
});

describe('model: levels and layouts', () => {
  it('recognises Template 2 roles', () => {
    const m = parseModel(['---', 'title: T', '---', '', '## Analyst', '', '### Job Grade', '', 'The Analyst is a grade 6.', '', '## Manager, Analysis', '', '### Job Grade', '', 'The Manager, Analysis is a [grade 8](/x/compensation-calculator/#gitlab-job-grades).'].join('\n'), URI);
    assert.equal(m.layout, 'template-2');
    assert.deepEqual(m.levels.map((l) => [l.title, l.grade?.grade, l.grade?.form, l.track]), [
      ['Analyst', 6, 'unlinked', 'individual'],
      ['Manager, Analysis', 8, 'linked', 'management'],
    ]);
  });

  it('treats a page with its own Job Grade as one role (a split family level file)', () => {
    const m = parseModel(['---', 'title: Senior Tax Analyst', 'weight: 3', '---', '', '### Job Grade', '', 'The Senior Tax Analyst is a [grade 7](/x#gitlab-job-grades).'].join('\n'), 'file:///hb/content/job-families/finance/tax/senior.md');
    assert.equal(m.layout, 'single-role');
    assert.equal(m.levels[0]!.title, 'Senior Tax Analyst');
    assert.equal(m.levels[0]!.section, undefined);
  });

  it('calls an _index.md without job-family content a landing page', () => {
    assert.equal(parseModel('---\ntitle: Finance Roles\n---\n\nAll finance families.\n', 'file:///hb/content/job-families/finance/_index.md').layout, 'landing');
  });

  it('tells function managers from people managers', () => {
    const m = parseModel(['## Levels', '', '### Product Manager', '', '#### Product Manager Job Grade', '', 'x', '', '### Manager, Product', '', '#### Manager, Product Job Grade', '', 'y'].join('\n'), URI);
    assert.deepEqual(m.levels.map((l) => l.track), ['individual', 'management']);
  });
});

describe('model: links and inline spans', () => {
  it('finds links with exact ranges, Hugo ref shortcodes included', () => {
    const line = 'See [values](/handbook/values/#results), [g]({{< ref "compensation-calculator#gitlab-job-grades" >}}) and `[code](/x)`.';
    const m = parseModel(line, URI);
    assert.equal(m.links.length, 2, 'the link inside code is not a link');
    const [values, ref] = m.links;
    assert.equal(values!.kind, 'handbook');
    assert.equal(values!.path, '/handbook/values/');
    assert.equal(values!.anchor, 'results');
    assert.equal(line.slice(values!.anchorRange!.start.character, values!.anchorRange!.end.character), 'results');
    assert.equal(ref!.kind, 'ref');
    assert.equal(ref!.path, 'compensation-calculator');
    assert.equal(ref!.anchor, 'gitlab-job-grades');
    assert.equal(line.slice(ref!.pathRange.start.character, ref!.pathRange.end.character), 'compensation-calculator');
  });

  it('classifies legacy, relative, same-page and external links', () => {
    const m = parseModel('[a](https://about.gitlab.com/handbook/hiring/#x) [b](../tax/) [c](#levels) [d](https://example.com) [e](https://handbook.gitlab.com/handbook/values/)', URI);
    assert.deepEqual(m.links.map((l) => l.kind), ['legacy', 'relative', 'same-page', 'external', 'legacy']);
    assert.equal(m.links[0]!.relative, '/handbook/hiring/#x');
  });

  it('resolves reference-style links and records malformed ones', () => {
    const m = parseModel('[values][v] and [broken] (/handbook/x/) and [open](/handbook/y\n\n[v]: /handbook/values/\n', URI);
    assert.equal(m.links[0]!.target, '/handbook/values/');
    assert.deepEqual(m.malformedLinks.map((x) => x.reason), ['space-before-paren', 'unclosed']);
  });

  it('finds placeholders, TBDs and anchors', () => {
    const m = parseModel(['---', 'title: {add text of job family name}', '---', '', '## Levels', '## Levels', '## Job Grade {#grade}', '<a id="intermediate-requirements"></a>', '', '- {add a list} TBD'].join('\n'), URI);
    assert.deepEqual(m.placeholders.map((p) => [p.range.start.line, p.kind]), [[1, 'add'], [9, 'add'], [9, 'tbd']]);
    assert.deepEqual(m.anchors.map((a) => a.id), ['levels', 'levels-1', 'grade', 'intermediate-requirements']);
  });

  it('finds grade forms: linked, number link, unlinked, "Grade: N" and bare', () => {
    const m = parseModel(['## Job Grade', '', 'The A is a [grade 7](/c/compensation-calculator/#gitlab-job-grades).', 'The B is a [8](/c/compensation-calculator/#gitlab-job-grades).', 'The C is a Grade 9', 'Job Grade: 10', 'The D is a 11.', 'In the market there are 20 companies.'].join('\n'), URI);
    assert.deepEqual(m.grades.map((g) => [g.grade, g.form]), [[7, 'linked'], [8, 'number-link'], [9, 'unlinked'], [10, 'unlinked'], [11, 'bare']]);
  });

  it('keeps code out of the prose that language rules read', () => {
    const m = parseModel('Use `he said` and [his link](/x) here.\n\n```\nhe wrote\n```\n', URI);
    const prose = m.prose.map((p) => p.text).join('\n');
    assert.doesNotMatch(prose, /he said|he wrote|\/x/);
    assert.match(prose, /his link/);
  });
});

describe('model: input it cannot check', () => {
  it('does not parse binary text', () => {
    const m = parseModel('\u0000\u0001PNG\u0000', URI);
    assert.match(m.unreadable!, /binary/);
    assert.equal(m.headings.length, 0);
  });

  it('does not parse a file past the size limit', () => {
    const m = parseModel('# x\n'.repeat(300_000), URI);
    assert.match(m.unreadable!, /more than/);
  });
});

describe('model: blocks as goldmark builds them', () => {
  const blocksOf = (body: string) => parseModel(`---\ntitle: T\n---\n\n${body}`, 'file:///hb/content/job-families/x/a.md');

  it('reads `2.` after the paragraph of item `1.` as the next item of the same list', () => {
    const m = blocksOf('1. one\n2. two\n3. three\n');
    assert.deepEqual(m.listItems.map((i) => [i.line, i.marker, i.text]), [[4, '1.', 'one'], [5, '2.', 'two'], [6, '3.', 'three']]);
    assert.equal(new Set(m.listItems.map((i) => i.list)).size, 1);
  });

  it('gives an item in a block quote its own marker and range', () => {
    const m = blocksOf('> - quoted\n>   - nested\n');
    assert.deepEqual(m.listItems.map((i) => [i.marker, i.markerRange.start.character, i.depth]), [['-', 2, 0], ['-', 4, 1]]);
  });

  it('starts a new list for a new parent item and for another marker', () => {
    const m = blocksOf('- - a\n- - b\n\n* c\n');
    const [a1, a2, b1, b2, c] = m.listItems;
    assert.equal(a1!.list, b1!.list);
    assert.notEqual(a2!.list, b2!.list);
    assert.notEqual(c!.list, a1!.list);
  });

  it('has no inline lines for block attribute lists; footnote text is inline text', () => {
    const m = blocksOf('Text[^1]\n{.note}\n\n[^1]: Foot text.\n');
    assert.deepEqual(m.prose.map((p) => [p.line, p.col]), [[4, 0], [7, 6]]);
  });

  it('takes the cells of a table a list item lazily continues into', () => {
    const m = blocksOf('- item\n| a | b |\n|---|---|\n| c | d |\n');
    assert.deepEqual(m.prose.filter((p) => p.block === 'table').map((p) => p.text), ['a', 'b', 'c', 'd']);
  });
});
