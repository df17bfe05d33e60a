import * as assert from 'node:assert/strict';
import { codes, doc, findings, NEVER, service } from '../support/service';

const grade13 = 'The A is a [grade 13](/c/compensation-calculator/#gitlab-job-grades).';

describe('inline suppression comments', () => {
  it('disable-next-line silences one rule on the next line only', async () => {
    const page = ['## Job Grade', '', '<!-- jobfamily-disable-next-line JF019 -->', grade13, '', grade13].join('\n');
    const f = (await findings(page)).filter((x) => x.rule.meta.id === 'JF019');
    assert.deepEqual(f.map((x) => x.range.start.line), [5]);
  });

  it('disable … enable takes names as well as codes', async () => {
    const page = ['## Job Grade', '', '<!-- jobfamily-disable grade-exists -->', grade13, '<!-- jobfamily-enable grade-exists -->', grade13].join('\n');
    assert.deepEqual((await findings(page)).filter((x) => x.rule.meta.id === 'JF019').map((x) => x.range.start.line), [5]);
  });

  it('a bare disable at the top covers the whole page, front matter included', async () => {
    const page = ['---', 'title: T', 'layout: x', '---', '', '<!-- jobfamily-disable -->', '', '## Job Grade', '', grade13].join('\n');
    assert.deepEqual(codes(await findings(page)), []);
  });

  it('does not silence other rules', async () => {
    const page = ['## Job Grade', '', '<!-- jobfamily-disable-next-line JF020 -->', grade13].join('\n');
    assert.ok(codes(await findings(page)).includes('JF019'));
  });
});

describe('the "ignore on this line" quick fix', () => {
  it('inserts a disable-next-line comment that silences exactly that finding', async () => {
    const page = ['## Job Grade', '', grade13].join('\n');
    const ls = service();
    const d = doc('file:///hb/content/job-families/x/y.md', page);
    ls.openDocument(d, { jobFamily: true });
    const actions = await ls.getCodeActions(d.uri, { start: { line: 2, character: 0 }, end: { line: 2, character: grade13.length } }, [], undefined, NEVER);
    const ignore = actions.find((a) => a.title.startsWith('Ignore JF019'))!;
    const edit = ignore.edit!.changes!['file:///hb/content/job-families/x/y.md']![0]!;
    assert.equal(edit.newText, '<!-- jobfamily-disable-next-line JF019 -->\n');
    const lines = page.split('\n');
    lines.splice(2, 0, edit.newText.trimEnd());
    assert.ok(!codes(await findings(lines.join('\n'))).includes('JF019'));
  });
});
