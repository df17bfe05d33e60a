import * as assert from 'node:assert/strict';
import { openMarked } from '../../support/cursor';
import { GRADE_TABLE as G, NEVER, service } from '../../support/service';

const URI = 'file:///hb/content/job-families/finance/tax.md';

const level = (title: string, grade: string): string[] => [`### ${title}`, '', `#### ${title} Job Grade`, '', `The ${title} is a [grade ${grade}](${G}).`, ''];

describe('Add Level and Next Placeholder', () => {
  it('Add Level goes after the level at the cursor with the next grade and the next title of the ladder', async () => {
    const ls = service();
    const lines = ['---', 'title: "Tax Analyst"', '---', '', '## Levels', '', ...level('Tax Analyst', '6'), ...level('Staff Tax Analyst', '8'), '## Hiring Process', '', '- A call.', ''];
    lines[4 + 2 + 4] += '¦'; // the grade sentence of Tax Analyst
    const { position } = openMarked(ls, URI, lines.join('\n'));
    const insertion = await ls.getLevelInsertion(URI, position, NEVER);
    assert.ok(insertion);
    assert.deepEqual(insertion.position, { line: 11, character: 0 }, 'after the level and before the blank line that ends it');
    assert.equal(insertion.grade, 7);
    assert.equal(insertion.suggestedName, 'Senior Tax Analyst');
    assert.equal(insertion.depth, 3);
    assert.match(insertion.snippet, /^\n### /, 'a level heading of the ladder\'s depth, after a blank line');
    assert.match(insertion.snippet, /\[grade \$\{\d+:7\}\]/, 'the next grade as the grade placeholder\'s default');
  });

  it('Add Level at the end of the page appends after a blank line; with no levels section there is nothing to add to', async () => {
    const ls = service();
    const { position } = openMarked(ls, URI, ['---', 'title: "Tax"', '---', '', '## Levels', '', ...level('Tax Analyst', '6')].join('\n').trimEnd() + '¦');
    const insertion = await ls.getLevelInsertion(URI, position, NEVER);
    assert.deepEqual(insertion?.position, { line: 10, character: `The Tax Analyst is a [grade 6](${G}).`.length });
    assert.match(insertion?.snippet ?? '', /^\n\n### /);
    const { position: none } = openMarked(ls, URI, '---\ntitle: "Tax"\n---\n\n## Responsibilities\n\n- Files retu¦rns.\n');
    assert.equal(await ls.getLevelInsertion(URI, none, NEVER), null);
  });

  it('Next Placeholder walks the {add …} placeholders and the `#` of [grade #] in page order', async () => {
    const ls = service();
    const { text } = openMarked(ls, URI, ['---', 'title: "Tax"', '---', '', '## Responsibilities', '', '- {add responsibility}¦', '', '## Levels', '', ...level('Tax Analyst', '#'), '- {add another}', ''].join('\n'));
    const ranges = await ls.getPlaceholders(URI, NEVER);
    const lines = text.split('\n');
    assert.deepEqual(
      ranges.map((r) => lines[r.start.line]!.slice(r.start.character, r.end.character)),
      ['{add responsibility}', '#', '{add another}'],
    );
    assert.deepEqual(ranges.map((r) => r.start.line), [6, 14, 16]);
  });
});
