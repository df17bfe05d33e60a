import * as assert from 'node:assert/strict';
import { GRADE_TABLE as G, NEVER, service } from '../../support/service';


describe('inlay hints', () => {
  it('show each level\'s grade at the end of its heading, and nothing for a level without one', async () => {
    const page = ['---', 'title: "Tax"', '---', '', '## Levels', '', '### Senior Tax Analyst', '', '#### Senior Tax Analyst Job Grade', '', `The Senior Tax Analyst is a [grade 7](${G}).`, '', '### Tax Manager', ''].join('\n');
    const ls = service();
    const uri = 'file:///hb/content/job-families/finance/tax.md';
    ls.openDocument({ uri, version: 1, getText: () => page }, { jobFamily: true });
    const hints = await ls.getInlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, NEVER);
    assert.deepEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [[6, '### Senior Tax Analyst'.length, 'grade 7']]);
    const outside = await ls.getInlayHints(uri, { start: { line: 10, character: 0 }, end: { line: 20, character: 0 } }, NEVER);
    assert.deepEqual(outside, [], 'only hints in the asked range');
  });
});
