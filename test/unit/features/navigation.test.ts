import * as assert from 'node:assert/strict';
import { openMarked } from '../../support/cursor';
import { MemoryWorkspace } from '../../support/memoryWorkspace';
import { initialized, NEVER, service } from '../../support/service';

const PAGE = 'content/job-families/finance/tax.md';
const TEXT = '---\ntitle: "Tax"\n---\n\n## Requirements\n\n- See [the list](#requireme¦nts) and [values](/handbook/values/#results).\n\n### Results\n';
const FILES = {
  'config/_default/config.yaml': 'markup: {}\n',
  'content/handbook/_index.md': '---\ntitle: "Handbook"\n---\n',
  'content/handbook/values/_index.md': '---\ntitle: "GitLab Values"\n---\n\nIntro.\n\n## Results\n',
  [PAGE]: TEXT.replace('¦', ''),
};

describe('document links and go to definition', () => {
  it('link a page\'s handbook paths to the local file at the anchor\'s heading, and same-page anchors to their line', async () => {
    const ws = new MemoryWorkspace(FILES);
    const ls = await initialized(ws);
    const uri = ws.uri(PAGE);
    openMarked(ls, uri, TEXT);
    const links = await ls.getDocumentLinks(uri, NEVER);
    assert.deepEqual(
      links.map((l) => [l.range.start.line, l.range.start.character, l.range.end.character, l.target]),
      [
        [6, 17, 30, `${uri}#L5`],
        [6, 45, 70, `${ws.uri('content/handbook/values/_index.md')}#L7`],
      ],
    );
    assert.equal(links[1]!.tooltip, 'GitLab Values');
  });

  it('go from a same-page link to its heading and from a handbook link to the heading in the page', async () => {
    const ws = new MemoryWorkspace(FILES);
    const ls = await initialized(ws);
    const uri = ws.uri(PAGE);
    const { position } = openMarked(ls, uri, TEXT);
    assert.deepEqual(await ls.getDefinition(uri, position, NEVER), { uri, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } } });
    const { position: onValues } = openMarked(ls, uri, TEXT.replace('¦', '').replace('/handbook/values/#results', '/handbook/val¦ues/#results'));
    assert.deepEqual(await ls.getDefinition(uri, onValues, NEVER), { uri: ws.uri('content/handbook/values/_index.md'), range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } } });
    const { position: outside } = openMarked(ls, uri, TEXT.replace('¦', '').replace('- See', '- S¦ee'));
    assert.equal(await ls.getDefinition(uri, outside, NEVER), null, 'no link at the cursor');
  });

  it('link only same-page anchors when no checkout is open, and not to an anchor the page lacks', async () => {
    const ls = service();
    const uri = `file:///hb/${PAGE}`;
    openMarked(ls, uri, TEXT.replace('#requireme¦nts', '#nowhere¦'));
    assert.deepEqual(await ls.getDocumentLinks(uri, NEVER), []);
    openMarked(ls, uri, TEXT);
    assert.deepEqual((await ls.getDocumentLinks(uri, NEVER)).map((l) => l.target), [`${uri}#L5`]);
  });
});
