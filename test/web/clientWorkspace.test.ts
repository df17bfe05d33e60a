import * as assert from 'node:assert/strict';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { ClientWorkspace, WorkspaceRequests } from '../../server/src/browser/clientWorkspace';

/** A connection that records the requests and answers them from a table. */
function fakeConnection(answer: (method: string, uri: string) => unknown): { connection: Connection; asked: string[] } {
  const asked: string[] = [];
  const connection = {
    sendRequest: (method: string, params: { uri: string }) => {
      asked.push(`${method} ${params.uri}`);
      try {
        return Promise.resolve(answer(method, params.uri));
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  } as unknown as Connection;
  return { connection, asked };
}

const FOLDER = 'vscode-test-web://mount/handbook';
const quiet = { log: () => undefined, error: () => undefined };

describe('the browser server reads the workspace through the client', () => {
  it('asks the client for files, folders and stats, and maps "not found" to nothing', async () => {
    const { connection, asked } = fakeConnection((method, uri) => {
      if (uri.endsWith('/missing.md')) return null;
      if (method === WorkspaceRequests.readFile) return { text: '---\ntitle: A\n---\n' };
      if (method === WorkspaceRequests.readDirectory) return [{ name: 'a.md', isDirectory: false }, { name: '../escape', isDirectory: true }, { name: 'sub', isDirectory: true, isSymbolicLink: true }];
      return { size: 12, isDirectory: false };
    });
    const ws = new ClientWorkspace(connection, [`${FOLDER}/`], () => undefined, quiet);
    assert.deepEqual(ws.folders, [FOLDER]);
    assert.equal(await ws.readFile(`${FOLDER}/content/a.md`), '---\ntitle: A\n---\n');
    assert.equal(await ws.readFile(`${FOLDER}/content/missing.md`), undefined);
    // A name that is a path is never passed on: the walk would leave the folder.
    assert.deepEqual(await ws.readDirectory(`${FOLDER}/content`), [{ name: 'a.md', isDirectory: false }, { name: 'sub', isDirectory: true, isSymbolicLink: true }]);
    assert.deepEqual(await ws.stat(`${FOLDER}/content/a.md`), { size: 12, isDirectory: false });
    assert.deepEqual(asked, [
      `jobFamily/fs/readFile ${FOLDER}/content/a.md`,
      `jobFamily/fs/readFile ${FOLDER}/content/missing.md`,
      `jobFamily/fs/readDirectory ${FOLDER}/content`,
      `jobFamily/fs/stat ${FOLDER}/content/a.md`,
    ]);
  });

  it('answers open documents with the editor\'s text, without asking', async () => {
    const { connection, asked } = fakeConnection(() => ({ text: 'on disk' }));
    const ws = new ClientWorkspace(connection, [FOLDER], (uri) => (uri.endsWith('/open.md') ? 'unsaved' : undefined), quiet);
    assert.equal(await ws.readFile(`${FOLDER}/open.md`), 'unsaved');
    assert.deepEqual(asked, []);
  });

  it('never asks for a URI outside the workspace folders', async () => {
    const { connection, asked } = fakeConnection(() => ({ text: 'secret' }));
    const ws = new ClientWorkspace(connection, [FOLDER], () => undefined, quiet);
    for (const uri of [`${FOLDER}/../secret.md`, `${FOLDER}/content/%2E%2E/%2E%2E/secret.md`, 'vscode-test-web://mount/handbook-2/a.md', 'vscode-test-web://other/handbook/a.md', 'file:///etc/passwd']) {
      assert.equal(await ws.readFile(uri), undefined, uri);
      assert.equal(await ws.readDirectory(uri), undefined, uri);
      assert.equal(await ws.stat(uri), undefined, uri);
    }
    assert.deepEqual(asked, []);
  });

  it('treats malformed answers and failures as "not found"', async () => {
    const { connection } = fakeConnection((method) => {
      if (method === WorkspaceRequests.readFile) return { text: 42 };
      if (method === WorkspaceRequests.readDirectory) return 'not a list';
      throw new ResponseError(ErrorCodes.InternalError, 'boom');
    });
    const ws = new ClientWorkspace(connection, [FOLDER], () => undefined, quiet);
    assert.equal(await ws.readFile(`${FOLDER}/a.md`), undefined);
    assert.equal(await ws.readDirectory(`${FOLDER}`), undefined);
    assert.equal(await ws.stat(`${FOLDER}/a.md`), undefined);
  });

  it('stops asking, and says so once, when the client does not serve the requests', async () => {
    const { connection, asked } = fakeConnection(() => {
      throw new ResponseError(ErrorCodes.MethodNotFound, 'Unhandled method');
    });
    const said: string[] = [];
    const ws = new ClientWorkspace(connection, [FOLDER], () => undefined, { log: (m) => said.push(m), error: (m) => said.push(m) });
    assert.equal(await ws.readDirectory(`${FOLDER}/content`), undefined);
    assert.equal(await ws.readFile(`${FOLDER}/content/a.md`), undefined);
    assert.equal(asked.length, 1);
    assert.equal(said.length, 1);
    assert.match(said[0]!, /does not serve the workspace.*index and link checks are off/);
  });
});
