import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';

// The client side of the server's jobFamily/fs/* requests (server/src/browser/clientWorkspace.ts):
// a server in a Web Worker reads the workspace through the editor's file system, so the
// handbook index works in virtual workspaces (the Web IDE's repository, vscode.dev).

/** Pages larger than this are not read, as on disk (a real page is under 40 KB). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * File-system calls in flight at once. Each one is a few messages through the workbench's
 * UI thread (and often a fetch): a bounded queue keeps a 4,000-page index from crowding
 * out the editor's own work.
 */
const MAX_IN_FLIGHT = 16;
/** Files seen as plain files in a folder listing: read without a stat first. Bounded like a cache. */
const MAX_LISTED = 200_000;

interface UriParams {
  readonly uri: string;
}
interface Entry {
  readonly name: string;
  readonly isDirectory: boolean;
  readonly isSymbolicLink?: boolean;
}

// Both extension hosts (Node, the web worker) have the standard TextDecoder; this code is
// compiled with neither's library, so it says what it uses.
declare const TextDecoder: new (label: 'utf-8', options: { ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };

/**
 * Answers the server's workspace requests. Every answer for a missing, unreadable or
 * too large file, a symbolic link (the editor's file system cannot say where it points),
 * or a URI outside the workspace folders is `null`: "not found", never an error.
 */
export function serveWorkspace(client: BaseLanguageClient): void {
  // Kept as on disk: Node's readFile keeps a byte-order mark, so the decoder does too.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const queue = limit(MAX_IN_FLIGHT);
  const listed = new Map<string, vscode.FileType>();
  client.onRequest('jobFamily/fs/readFile', async ({ uri }: UriParams) => {
    const target = insideWorkspace(uri);
    if (!target) return null;
    try {
      // The index reads what it has just listed: a plain file there needs no stat to rule out
      // a link or a folder. Used once, so a later read (after a change) stats again.
      const key = target.toString();
      const known = listed.get(key);
      listed.delete(key);
      if (known !== vscode.FileType.File) {
        const stat = await queue(() => vscode.workspace.fs.stat(target));
        if (stat.type !== vscode.FileType.File || stat.size > MAX_FILE_BYTES) return null;
      }
      const bytes = await queue(() => vscode.workspace.fs.readFile(target));
      return bytes.byteLength > MAX_FILE_BYTES ? null : { text: decoder.decode(bytes) };
    } catch {
      return null;
    }
  });
  client.onRequest('jobFamily/fs/stat', async ({ uri }: UriParams) => {
    const target = insideWorkspace(uri);
    if (!target) return null;
    try {
      const stat = await queue(() => vscode.workspace.fs.stat(target));
      if (stat.type & vscode.FileType.SymbolicLink || !(stat.type & (vscode.FileType.File | vscode.FileType.Directory))) return null;
      return { size: stat.size, isDirectory: (stat.type & vscode.FileType.Directory) !== 0 };
    } catch {
      return null;
    }
  });
  client.onRequest('jobFamily/fs/readDirectory', async ({ uri }: UriParams) => {
    const target = insideWorkspace(uri);
    if (!target) return null;
    try {
      const out: Entry[] = [];
      if (listed.size > MAX_LISTED) listed.clear();
      for (const [name, type] of await queue(() => vscode.workspace.fs.readDirectory(target))) {
        listed.set(vscode.Uri.joinPath(target, name).toString(), type);
        if (!(type & (vscode.FileType.File | vscode.FileType.Directory))) continue;
        const isDirectory = (type & vscode.FileType.Directory) !== 0;
        out.push(type & vscode.FileType.SymbolicLink ? { name, isDirectory, isSymbolicLink: true } : { name, isDirectory });
      }
      return out;
    } catch {
      return null;
    }
  });
}

/** Runs at most `n` of the given calls at once, the others in order as those finish. */
function limit(n: number): <T>(fn: () => Thenable<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(fn: () => Thenable<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await fn();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** The URI when it lies inside a workspace folder once `.` and `..` are resolved; undefined otherwise. */
export function insideWorkspace(raw: unknown): vscode.Uri | undefined {
  if (typeof raw !== 'string') return undefined;
  let uri: vscode.Uri;
  try {
    uri = vscode.Uri.parse(raw, true);
  } catch {
    return undefined;
  }
  if (uri.query || uri.fragment) return undefined;
  const path = normalizePath(uri.path);
  if (path === undefined) return undefined;
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const f = folder.uri;
    if (f.scheme !== uri.scheme || f.authority.toLowerCase() !== uri.authority.toLowerCase()) continue;
    const base = normalizePath(f.path);
    if (base === undefined) continue;
    if (path === base || path.startsWith(base === '/' ? '/' : `${base}/`)) return uri.with({ path });
  }
  return undefined;
}

/** `/a/./b/../c` → `/a/c`; undefined when `..` climbs above the root. */
function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return `/${out.join('/')}`;
}
