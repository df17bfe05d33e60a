import * as assert from 'node:assert/strict';
import { editedLine } from '../../server/src/service/util/editedLine';

describe('editedLine: the one line an edit changed', () => {
  const page = ['# Title', '', 'A paragraph of text.', 'Its second line.', ''].join('\n');

  it('names the line and gives its text before and after', () => {
    assert.deepEqual(editedLine(page, page.replace('of text', 'of plain text')), { line: 2, before: 'A paragraph of text.', after: 'A paragraph of plain text.' });
  });

  it('finds edits at the first and the last character', () => {
    assert.equal(editedLine(page, `X${page}`)?.line, 0);
    assert.deepEqual(editedLine('a\nbc', 'a\nbcd'), { line: 1, before: 'bc', after: 'bcd' });
  });

  it('counts \\r\\n and a lone \\r as one line break each', () => {
    assert.equal(editedLine('a\r\nb\rc\nd', 'a\r\nb\rc\nde')?.line, 3);
    assert.deepEqual(editedLine('a\r\nbc\r\nd', 'a\r\nbXc\r\nd'), { line: 1, before: 'bc', after: 'bXc' });
  });

  it('finds an edit past the slices compared whole, and one inside them', () => {
    const long = `${'word '.repeat(300)}\n${'more '.repeat(300)}\nend`;
    for (const at of [0, 511, 512, 513, 1024, 1500, 1700, long.length - 1]) {
      if (long[at] === '\n') continue;
      const next = long.slice(0, at) + 'Q' + long.slice(at);
      const line = long.slice(0, at).split('\n').length - 1;
      assert.equal(editedLine(long, next)?.line, line, `at ${at}`);
      assert.equal(editedLine(long, next)?.after, next.split('\n')[line]);
    }
  });

  it('gives nothing when the texts are the same, a line break changed, or two lines changed', () => {
    assert.equal(editedLine(page, page), undefined);
    assert.equal(editedLine(page, page.replace('of text', 'of\ntext')), undefined);
    assert.equal(editedLine(page, page.replace('\nIts', 'Its')), undefined);
    assert.equal(editedLine(page, page.replace('Title', 'Name').replace('second', 'third')), undefined);
    // Typed between \r and \n: the line breaks are not what they were.
    assert.equal(editedLine('a\r\nb', 'a\rX\nb'), undefined);
  });
});
