import * as assert from 'node:assert/strict';
import { codes, doc, findings, findingsOf, service } from '../support/service';
import { MemoryWorkspace } from '../support/memoryWorkspace';

const INDEX = ['---', 'title: Tax', '---', '', '## Responsibilities', '', '- a', '', '## Requirements', '', '- Ability to use GitLab', '', '## Performance Indicators', '', '- a', '- b', '- c', '', '## Hiring Process', '', '- a'].join('\n');
const LEVEL = ['---', 'title: Senior Tax Analyst', 'weight: 2', '---', '', 'The Senior Tax Analyst reports to the Tax Manager.', '', '### Job Grade', '', 'The Senior Tax Analyst is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).'].join('\n');

describe('split families', () => {
  it('checks the hard requirements over _index.md and its level files', async () => {
    const ws = new MemoryWorkspace({ 'content/job-families/finance/tax/_index.md': INDEX, 'content/job-families/finance/tax/senior.md': LEVEL });
    const ls = service(ws);
    const index = await findingsOf(ls, doc(ws.uri('content/job-families/finance/tax/_index.md'), INDEX));
    assert.ok(!codes(index).includes('JF012'), 'the grade in senior.md counts for the family');
    const level = await findingsOf(ls, doc(ws.uri('content/job-families/finance/tax/senior.md'), LEVEL));
    assert.ok(!codes(level).includes('JF012'), 'a level file is not asked for family-wide sections');
  });

  it('reports what the whole family lacks on _index.md', async () => {
    const noHiring = INDEX.replace('## Hiring Process\n\n- a', '');
    const ws = new MemoryWorkspace({ 'content/job-families/finance/tax/_index.md': noHiring, 'content/job-families/finance/tax/senior.md': LEVEL });
    const f = await findingsOf(service(ws), doc(ws.uri('content/job-families/finance/tax/_index.md'), noHiring));
    assert.deepEqual(f.filter((x) => x.rule.meta.id === 'JF012').map((x) => x.message.match(/no (.*?) section/)?.[1]), ['Hiring Process']);
  });

  it('without a workspace, does not guess about a page that may be part of a split family', async () => {
    assert.ok(!codes(await findings(LEVEL, 'file:///elsewhere/senior.md')).includes('JF012'));
  });

  it('a landing _index.md is not a job family', async () => {
    assert.deepEqual(codes(await findings('---\ntitle: Finance Roles\ndescription: All finance roles.\n---\n\nThe finance families.\n', 'file:///hb/content/job-families/finance/_index.md')), []);
  });
});
