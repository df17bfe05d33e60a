import * as assert from 'node:assert/strict';
import { parseModel, type JobFamilyModel } from '../../server/src/service/model/model';
import { LineMemo } from '../../server/src/service/model/lineMemo';
import { lineLanguage } from '../../server/src/service/rules/language';
import { modelText } from '../support/modelText';

const URI = 'file:///hb/content/job-families/engineering/backend.md';

const PAGE = [
  '---',
  'title: "Backend Engineer"',
  '---',
  '',
  'The Backend Engineer builds [the API][api] and reads the [handbook](/handbook/values/).',
  '',
  '## Responsibilities',
  '',
  '- Leads the {add team name} team and decides on `code` reviews.',
  '- Works with [product][api] and support.',
  '',
  '[api]: /handbook/engineering/',
  '',
].join('\n');

/** What the rules read of a model, as plain data: equal when two models say the same. */
function facts(m: JobFamilyModel): unknown {
  return {
    links: m.links,
    malformed: m.malformedLinks,
    placeholders: m.placeholders,
    prose: m.prose.map((p) => [p.line, p.col, p.text, p.block]),
    language: m.prose.map((p) => lineLanguage(m, p)),
    shortcodes: m.shortcodes,
    comments: m.comments,
    anchors: m.anchors,
    frontMatter: m.frontMatter,
    bodyStart: m.bodyStartLine,
  };
}

/** Reads every prose line's words, as the language rules do. */
function readWords(m: JobFamilyModel): void {
  for (const p of m.prose) lineLanguage(m, p);
}

/** Parses `next` as the next version of a document whose last version was `before`. */
function edited(before: string, next: string): { reused: JobFamilyModel; fresh: JobFamilyModel } {
  const previous = parseModel(before, URI, 1);
  readWords(previous);
  return { reused: parseModel(next, URI, 2, previous), fresh: parseModel(next, URI, 2) };
}

describe('model: the next version of an open document', () => {
  const edits: [string, string][] = [
    ['a word typed in a paragraph', PAGE.replace('builds [the API]', 'builds and runs [the API]')],
    ['a line added', PAGE.replace('## Responsibilities\n', '## Responsibilities\n\nShe leads.\n')],
    ['a line removed', PAGE.replace('- Works with [product][api] and support.\n', '')],
    ['a reference definition changed', PAGE.replace('[api]: /handbook/engineering/', '[api]: /handbook/product/')],
    ['a reference definition removed', PAGE.replace('[api]: /handbook/engineering/\n', '')],
    ['a paragraph turned into code', PAGE.replace('- Leads', '```\n- Leads').replace('support.\n', 'support.\n```\n')],
    ['a line made a heading', PAGE.replace('The Backend Engineer builds', '## The Backend Engineer builds')],
    ['a front-matter value changed', PAGE.replace('"Backend Engineer"', '"Backend Engineers"')],
    ['a key added to the front matter', PAGE.replace('---\n\n', 'weight: 10\n---\n\n')],
    ['the closing line of the front matter changed', PAGE.replace('"\n---\n', '"\n---x\n')],
    ['a line typed right below the front matter', PAGE.replace('---\n\n', '---\ndescription: x\n\n')],
    ['the front matter turned to CRLF', PAGE.replace(/\n/g, '\r\n')],
    ['the page cut inside the front matter', PAGE.slice(0, 20)],
  ];
  for (const [what, next] of edits) {
    it(`reads the same as a fresh parse after ${what}`, () => {
      const { reused, fresh } = edited(PAGE, next);
      assert.deepEqual(facts(reused), facts(fresh));
    });
  }

  it('does not scan again the lines an edit left alone', () => {
    const previous = parseModel(PAGE, URI, 1);
    readWords(previous);
    const next = parseModel(PAGE.replace('builds [the API]', 'builds and runs [the API]'), URI, 2, previous);
    readWords(next);
    const never = (): never => assert.fail('computed again');
    const untouched = 'Works with [product][api] and support.';
    // The very objects the last version made come back for a line the edit did not touch.
    assert.equal(next.memo!.inline.get(untouched, never), previous.memo!.inline.get(untouched, never));
    // "support" is a coded word: the line's language facts are an object of their own, and the same one.
    const before = lineLanguage(previous, previous.prose.find((p) => p.line === 9)!);
    assert.equal(before.coded.length, 1);
    assert.equal(lineLanguage(next, next.prose.find((p) => p.line === 9)!), before);
    const edited = next.lines.line(4);
    assert.notEqual(next.memo!.inline.get(edited, never), previous.memo!.inline.get(PAGE.split('\n')[4]!, never));
  });

  it('keeps the front matter of the last version when an edit left its lines alone', () => {
    const previous = parseModel(PAGE, URI, 1);
    const next = parseModel(PAGE.replace('builds [the API]', 'builds and runs [the API]'), URI, 2, previous);
    assert.ok(previous.frontMatter);
    assert.equal(next.frontMatter, previous.frontMatter);
    const retitled = parseModel(PAGE.replace('"Backend Engineer"', '"Frontend Engineer"'), URI, 3, next);
    assert.notEqual(retitled.frontMatter, next.frontMatter);
  });

  it('scans every line again when the reference definitions change', () => {
    const previous = parseModel(PAGE, URI, 1);
    const next = parseModel(PAGE.replace('[api]: /handbook/engineering/', '[api]: /handbook/product/'), URI, 2, previous);
    const never = (): never => assert.fail('computed again');
    const line = 'Works with [product][api] and support.';
    assert.notEqual(next.memo!.inline.get(line, never), previous.memo!.inline.get(line, never));
    assert.equal(next.links.find((l) => l.text === 'product')?.target, '/handbook/product/');
  });

  it('keeps "nothing on this line" as well as results, for two versions at most', () => {
    const never = (): never => assert.fail('computed again');
    const first = new LineMemo<boolean | null>();
    first.get('no place here', () => null);
    first.get('no pronoun here', () => false);
    const second = new LineMemo(first);
    assert.equal(second.get('no place here', never), null);
    assert.equal(second.get('no pronoun here', never), false);
    // A line the second version did not have is gone by the third.
    const third = new LineMemo(new LineMemo(second));
    let computed = 0;
    third.get('no place here', () => (computed++, null));
    assert.equal(computed, 1);
  });
});

describe('model: the blocks of the last version, kept when an edit cannot change them', () => {
  const BLOCKS = [
    '---',
    'title: "Backend Engineer"',
    '---',
    '',
    'The Backend Engineer builds [the API][api].',
    'Second line of the paragraph.',
    '',
    '- Leads the team',
    '- Works with [product][api]',
    '  and support.',
    '',
    'Two cells here',
    '| --- | --- |',
    '',
    'A heading in two lines',
    '----------------------',
    '',
    '> Quoted text here.',
    '',
    'x',
    '',
    '[api]: /handbook/engineering/',
    '',
  ].join('\n');

  /** The model of `next` after `before`'s, whether it kept `before`'s blocks, and whether it reads as a fresh parse. */
  function after(next: string): { kept: boolean; same: boolean; model: JobFamilyModel } {
    const previous = parseModel(BLOCKS, URI, 1);
    const model = parseModel(next, URI, 2, previous);
    return { kept: model.headings === previous.headings, same: modelText(model) === modelText(parseModel(next, URI, 2)), model };
  }

  const cases: [string, string, boolean][] = [
    ['a word typed in a paragraph', BLOCKS.replace('builds [the API]', 'builds and runs [the API]'), true],
    ['a space typed at the end of a paragraph (its last line loses it)', BLOCKS.replace('paragraph.\n', 'paragraph. \n'), true],
    ['a word typed in an item’s first line (the item’s text)', BLOCKS.replace('Leads the team', 'Leads the whole team'), true],
    ['a word typed in an item’s second line', BLOCKS.replace('and support.', 'and customer support.'), true],
    ['a word typed in a block quote', BLOCKS.replace('Quoted text', 'Quoted plain text'), true],
    ['a cell divider typed above a delimiter row (a table now)', BLOCKS.replace('Two cells here', 'Two | cells here'), false],
    ['a word typed in a setext heading', BLOCKS.replace('A heading in', 'A new heading in'), false],
    ['an item’s marker changed (another list now)', BLOCKS.replace('- Works with', '* Works with'), false],
    ['a list marker typed at a line’s start', BLOCKS.replace('Second line', '- Second line'), false],
    ['an ordered marker typed at a line’s start', BLOCKS.replace('Second line', '1. Second line'), false],
    ['a heading marker typed at a line’s start', BLOCKS.replace('Second line', '# Second line'), false],
    ['the only character of a line deleted', BLOCKS.replace('\nx\n', '\n\n'), false],
    ['a line break typed', BLOCKS.replace('builds [the API]', 'builds\n[the API]'), false],
  ];
  for (const [what, next, kept] of cases) {
    it(`${kept ? 'keeps' : 'builds again'} the blocks after ${what}, and reads as a fresh parse`, () => {
      const r = after(next);
      assert.equal(r.kept, kept);
      assert.ok(r.same, 'differs from a fresh parse');
    });
  }

  it('gives the edited item its new text and the edited line its links', () => {
    const { model } = after(BLOCKS.replace('Works with [product][api]', 'Works well with [product][api]'));
    assert.equal(model.listItems[1]?.text, 'Works well with [product][api]');
    assert.equal(model.links.find((l) => l.text === 'product')?.target, '/handbook/engineering/');
  });
});
