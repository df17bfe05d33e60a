import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReadAhead } from '../../server/src/cli/readAhead';

describe('the CLI reading pages ahead', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jfa-ahead-'));
  after(() => rmSync(dir, { recursive: true }));
  const files = Array.from({ length: 5 }, (_, i) => path.join(dir, `${i}.md`));
  files.forEach((f, i) => writeFileSync(f, `page ${i}`));

  it('gives each page its own bytes, in order, to the last', async () => {
    const ahead = new ReadAhead(files, 3);
    for (let i = 0; i < files.length; i++) assert.equal(String(await ahead.bytes(i)), `page ${i}`);
  });

  it('with a window of one reads each page only when it is asked for', async () => {
    const ahead = new ReadAhead(files, 1);
    assert.equal(String(await ahead.bytes(0)), 'page 0');
    writeFileSync(files[1]!, 'changed');
    assert.equal(String(await ahead.bytes(1)), 'changed');
    writeFileSync(files[1]!, 'page 1');
  });

  it('reports a page that cannot be read when that page is reached', async () => {
    const ahead = new ReadAhead([files[0]!, path.join(dir, 'missing.md'), files[1]!], 3);
    assert.equal(String(await ahead.bytes(0)), 'page 0');
    await assert.rejects(ahead.bytes(1), /ENOENT/);
    assert.equal(String(await ahead.bytes(2)), 'page 1');
  });
});
