import * as assert from './assert';
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { insideWorkspace, serveWorkspace } from '../../../client/src/common/workspaceServer';
import { activate, page, root } from './helpers';

type Handler = (params: { uri: string }) => Promise<unknown>;

/** The client's handlers for the server's jobFamily/fs/* requests, called as the server would. */
function handlers(): Map<string, Handler> {
  const map = new Map<string, Handler>();
  const fake = { onRequest: (method: string, handler: Handler) => map.set(method, handler) };
  serveWorkspace(fake as unknown as BaseLanguageClient);
  return map;
}

describe('The workspace requests, served with the editor\'s file system', () => {
  before(activate);
  const fs = handlers();
  const ask = (method: string, uri: string): Promise<unknown> => fs.get(`jobFamily/fs/${method}`)!({ uri });

  it('reads a page as it is on disk, lists a folder and stats a file', async () => {
    const text = (await ask('readFile', page('content/handbook/values.md').toString())) as { text: string };
    assert.match(text.text, /^---\ntitle:/);
    const entries = (await ask('readDirectory', page('content/handbook').toString())) as { name: string; isDirectory: boolean }[];
    assert.ok(entries.some((e) => e.name === 'hiring' && e.isDirectory), JSON.stringify(entries));
    assert.ok(entries.some((e) => e.name === 'values.md' && !e.isDirectory), JSON.stringify(entries));
    const stat = (await ask('stat', page('content/handbook/values.md').toString())) as { size: number; isDirectory: boolean };
    assert.equal(stat.isDirectory, false);
    assert.equal(stat.size, new TextEncoder().encode(text.text).byteLength);
  });

  it('answers "not found" for missing files, folders read as files, and files over 2 MB', async () => {
    assert.equal(await ask('readFile', page('content/handbook/nothing-here.md').toString()), null);
    assert.equal(await ask('readDirectory', page('content/nothing-here').toString()), null);
    assert.equal(await ask('stat', page('content/nothing-here').toString()), null);
    assert.equal(await ask('readFile', page('content/handbook').toString()), null);
    const big = page('content/handbook/huge.md');
    await vscode.workspace.fs.writeFile(big, new Uint8Array(2 * 1024 * 1024 + 1).fill(0x61));
    try {
      assert.equal(await ask('readFile', big.toString()), null);
    } finally {
      await vscode.workspace.fs.delete(big);
    }
  });

  it('refuses URIs outside the workspace folders, however they are written', async () => {
    const folder = root();
    const base = folder.toString().replace(/\/+$/, '');
    const outside = [
      `${base}/content/../../etc/passwd`,
      `${base}/content/%2E%2E/%2E%2E/etc/passwd`,
      folder.with({ authority: 'elsewhere' }).toString(),
      folder.with({ scheme: 'file' }).toString(),
      `${base}/content?x=1`,
      'not a uri',
    ];
    // A folder below the root also has a parent and siblings to refuse.
    if (folder.path !== '/') outside.push(folder.with({ path: '/' }).toString(), `${base}-sibling/content`);
    for (const uri of outside) {
      assert.equal(insideWorkspace(uri), undefined, uri);
      for (const method of ['readFile', 'readDirectory', 'stat']) assert.equal(await ask(method, uri), null, `${method} ${uri}`);
    }
    assert.equal(insideWorkspace(`${base}/content/./handbook/../handbook`)?.toString(), page('content/handbook').toString());
  });
});
