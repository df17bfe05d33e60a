import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import type { DirectoryEntry, FileStat, Logger, Workspace } from '../service';
import { isInside } from '../service/workspace';

/**
 * The requests a browser server sends to read the workspace: a Web Worker has no file
 * system, so the client answers them with `vscode.workspace.fs`. Each answers `null` for
 * "not found" (missing, unreadable, too large, a symbolic link, or outside the workspace
 * folders) and never fails for those.
 */
export const WorkspaceRequests = {
  /** `{ uri }` → `{ text }` (UTF-8, as on disk) or `null`. */
  readFile: 'jobFamily/fs/readFile',
  /** `{ uri }` → `{ name, isDirectory, isSymbolicLink? }[]` or `null`. */
  readDirectory: 'jobFamily/fs/readDirectory',
  /** `{ uri }` → `{ size, isDirectory }` or `null`. */
  stat: 'jobFamily/fs/stat',
} as const;

export interface UriParams {
  readonly uri: string;
}
export interface ReadFileResult {
  readonly text: string;
}

/**
 * The workspace of a server that cannot read files itself: every read is a request to the
 * client. URIs outside the workspace folders are answered here without asking (the client
 * refuses them too), and open documents answer with the editor's text.
 */
export class ClientWorkspace implements Workspace {
  readonly folders: readonly string[];
  readonly #connection: Connection;
  readonly #openText: (uri: string) => string | undefined;
  readonly #log: Logger;
  /** Set when the client turns out not to serve these requests (not this extension's client): reads stop. */
  #unsupported = false;

  constructor(connection: Connection, folders: readonly string[], openText: (uri: string) => string | undefined, log: Logger) {
    this.#connection = connection;
    this.folders = folders.map((f) => f.replace(/\/+$/, ''));
    this.#openText = openText;
    this.#log = log;
  }

  async readFile(uri: string): Promise<string | undefined> {
    const open = this.#openText(uri);
    if (open !== undefined) return open;
    const r = await this.#ask<ReadFileResult>(WorkspaceRequests.readFile, uri);
    return typeof r?.text === 'string' ? r.text : undefined;
  }

  async readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
    const r = await this.#ask<DirectoryEntry[]>(WorkspaceRequests.readDirectory, uri);
    if (!Array.isArray(r)) return undefined;
    return r.filter((e) => typeof e?.name === 'string' && e.name !== '' && !e.name.includes('/') && e.name !== '.' && e.name !== '..');
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const r = await this.#ask<FileStat>(WorkspaceRequests.stat, uri);
    return r && typeof r.size === 'number' && typeof r.isDirectory === 'boolean' ? { size: r.size, isDirectory: r.isDirectory } : undefined;
  }

  async #ask<T>(method: string, uri: string): Promise<T | undefined> {
    if (this.#unsupported || !isInside(uri, this.folders)) return undefined;
    try {
      return (await this.#connection.sendRequest<T | null>(method, { uri } satisfies UriParams)) ?? undefined;
    } catch (e) {
      if (e instanceof ResponseError && e.code === ErrorCodes.MethodNotFound && !this.#unsupported) {
        this.#unsupported = true;
        this.#log.log('The editor does not serve the workspace to the server (jobFamily/fs/* requests): the handbook index and link checks are off; open pages are still checked.');
      }
      return undefined;
    }
  }
}
