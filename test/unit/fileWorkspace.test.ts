import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FileWorkspace, toUri } from '../../server/src/node/fileWorkspace';

describe('file-system workspace', () => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'jfa-ws-'));
  const inside = path.join(base, 'handbook');
  const outside = path.join(base, 'secret');
  mkdirSync(path.join(inside, 'content'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(inside, 'content', 'page.md'), '# page');
  writeFileSync(path.join(outside, 'key.md'), 'secret');
  symlinkSync(path.join(outside, 'key.md'), path.join(inside, 'content', 'link.md'));
  symlinkSync(outside, path.join(inside, 'content', 'out'));
  const ws = FileWorkspace.fromPaths([inside]);

  it('reads files inside the workspace folders', async () => {
    assert.equal(await ws.readFile(toUri(path.join(inside, 'content', 'page.md'))), '# page');
  });

  it('never reads outside them: not by path, not by .., not through a symbolic link', async () => {
    // A one-shot run opens files without following a link, and learns folders' real paths once: the same answers.
    for (const w of [ws, FileWorkspace.fromPaths([inside], { oneShot: true })]) {
      assert.equal(await w.readFile(toUri(path.join(outside, 'key.md'))), undefined);
      assert.equal(await w.readFile(`${toUri(inside)}/content/../../secret/key.md`), undefined);
      assert.equal(await w.readFile(toUri(path.join(inside, 'content', 'link.md'))), undefined);
      assert.equal(await w.readFile(toUri(path.join(inside, 'content', 'out', 'key.md'))), undefined, 'through a linked folder');
      assert.equal(await w.readDirectory(toUri(path.join(inside, 'content', 'out'))), undefined);
      assert.equal(await w.readFile('file:///etc/passwd'), undefined);
      assert.equal(await w.readFile('https://example.com/page.md'), undefined);
    }
  });

  it('reads through symbolic links that stay inside, and inside a workspace folder reached through one', async () => {
    const linkedRoot = path.join(base, 'linked-root');
    symlinkSync(inside, linkedRoot);
    symlinkSync(path.join(inside, 'content', 'page.md'), path.join(inside, 'content', 'alias.md'));
    symlinkSync(path.join(inside, 'content'), path.join(inside, 'content-link'));
    try {
      for (const oneShot of [false, true]) {
        for (const root of [inside, linkedRoot]) {
          const w = FileWorkspace.fromPaths([root], { oneShot });
          for (const file of ['content/page.md', 'content/alias.md', 'content-link/page.md']) {
            assert.equal(await w.readFile(toUri(path.join(root, file))), '# page', `${file} from ${path.basename(root)}, oneShot ${oneShot}`);
          }
          assert.equal(await w.readFile(toUri(path.join(root, 'content', 'link.md'))), undefined, 'a link out stays refused');
        }
      }
    } finally {
      for (const l of [linkedRoot, path.join(inside, 'content', 'alias.md'), path.join(inside, 'content-link')]) rmSync(l);
    }
  });

  it('never waits on a named pipe or reads a folder as a page', async () => {
    const pipe = path.join(inside, 'content', 'pipe.md');
    execFileSync('mkfifo', [pipe]);
    try {
      for (const ws1 of [ws, FileWorkspace.fromPaths([inside], { oneShot: true })]) {
        const started = Date.now();
        assert.equal(await ws1.readFile(toUri(pipe)), undefined);
        assert.ok(Date.now() - started < 2000, 'answered at once');
        assert.equal(await ws1.readFile(toUri(path.join(inside, 'content'))), undefined);
      }
    } finally {
      rmSync(pipe);
    }
  });

  it('lists a folder without the links that lead out of it', async () => {
    const names = (await ws.readDirectory(toUri(path.join(inside, 'content'))))!.map((e) => e.name).sort();
    assert.deepEqual(names, ['page.md']);
  });

  it('in a one-shot run keeps each folder and each file read again, until the run says it wrote one', async () => {
    const dir = path.join(inside, 'content', 'family');
    mkdirSync(dir);
    const level = path.join(dir, 'level.md');
    const other = path.join(dir, 'other.md');
    writeFileSync(level, 'first');
    writeFileSync(other, 'first');
    const once = FileWorkspace.fromPaths([inside], { oneShot: true });
    // Another spelling of the same file shares the entry.
    const spelt = toUri(level).replace('level', '%6Cevel');
    assert.equal(await once.readFile(toUri(level)), 'first');
    assert.equal(await once.readFile(spelt), 'first');
    assert.equal(await once.readFile(toUri(other)), 'first');
    assert.deepEqual((await once.readDirectory(toUri(dir)))!.map((e) => e.name).sort(), ['level.md', 'other.md']);
    writeFileSync(level, 'second');
    writeFileSync(other, 'second');
    writeFileSync(path.join(dir, '_index.md'), 'index');
    assert.equal(await once.readFile(toUri(level)), 'first', 'read twice: kept');
    assert.equal(await once.readFile(toUri(other)), 'second', 'read once: not kept (the index reads every page once)');
    assert.equal((await once.readDirectory(toUri(dir)))!.length, 2, 'kept');
    assert.equal(await ws.readFile(toUri(level)), 'second', 'a workspace that is not one-shot reads again');
    once.forget(spelt);
    assert.equal(await once.readFile(toUri(level)), 'second');
    assert.deepEqual((await once.readDirectory(toUri(dir)))!.map((e) => e.name).sort(), ['_index.md', 'level.md', 'other.md']);
    rmSync(dir, { recursive: true });
  });

  it('answers with the editor text of an open document', async () => {
    const open = new FileWorkspace([toUri(inside)], (uri) => (uri.endsWith('page.md') ? 'unsaved' : undefined));
    assert.equal(await open.readFile(toUri(path.join(inside, 'content', 'page.md'))), 'unsaved');
  });
});
