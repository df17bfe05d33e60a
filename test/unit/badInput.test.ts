import * as assert from 'node:assert/strict';
import { codes, findings } from '../support/service';

describe('bad input never breaks the checks', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['only front matter', '---\ntitle: T\n---'],
    ['unclosed front matter', '---\ntitle: T\n## Levels'],
    ['front matter that is a list', '---\n- a\n- b\n---\n'],
    ['tabs in YAML', '---\ntitle:\t"T"\n\tdescription: x\n---\n'],
    ['deeply nested lists', Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')],
    ['unbalanced brackets', '[[[[[ ((((( ]]]]] )))))) [a](b [c]('],
    ['only CR line endings', '---\rtitle: T\r---\r\r## Levels\r'],
    ['a long line', `- ${'word '.repeat(50_000)}`],
    ['HTML soup', '<div><a id="x"><span id=\'y\'>## not a heading</span></a>\n<!-- unclosed comment'],
  ];
  for (const [name, text] of cases) {
    it(`answers for ${name}`, async () => {
      const f = await findings(text);
      assert.ok(Array.isArray(f));
      for (const x of f) assert.ok(x.range.start.line >= 0 && x.message.length > 10, x.message);
    });
  }

  it('reports a binary file once, clearly', async () => {
    const f = await findings('\u0000PNG\u0001\u0002binary');
    assert.deepEqual(codes(f), ['JF010']);
    assert.match(f[0]!.message, /binary/);
  });

  it('reports a huge file once, without parsing it', async () => {
    const start = Date.now();
    const f = await findings(`${'- item\n'.repeat(400_000)}`);
    assert.deepEqual(codes(f), ['JF010']);
    assert.ok(Date.now() - start < 2000);
  });
});
