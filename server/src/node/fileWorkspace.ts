import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DirectoryEntry, FileStat, Workspace } from '../service';

/** Pages larger than this are not read for the index (a real page is under 40 KB). */
const MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * The workspace on a real file system. Only `file:` URIs inside the workspace folders are
 * read, after resolving symbolic links, so a link or a `..` can never reach outside them.
 * Open documents answer with the editor's text.
 */
export class FileWorkspace implements Workspace {
  readonly folders: readonly string[];
  readonly #openText: (uri: string) => string | undefined;
  #realFolders: Promise<string[]> | undefined;

  constructor(folders: readonly string[], openText: (uri: string) => string | undefined = () => undefined) {
    this.folders = folders.filter((f) => f.startsWith('file:')).map((f) => f.replace(/\/+$/, ''));
    this.#openText = openText;
  }

  static fromPaths(paths: readonly string[]): FileWorkspace {
    return new FileWorkspace(paths.map((p) => toUri(path.resolve(p))));
  }

  async readFile(uri: string): Promise<string | undefined> {
    const open = this.#openText(uri);
    if (open !== undefined) return open;
    const file = await this.#allowed(uri);
    if (!file) return undefined;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      return await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const file = await this.#allowed(uri);
    if (!file) return undefined;
    try {
      const stat = await fs.stat(file);
      return { size: stat.size, isDirectory: stat.isDirectory() };
    } catch {
      return undefined;
    }
  }

  async readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
    const dir = await this.#allowed(uri);
    if (!dir) return undefined;
    try {
      const entries = await fs.readdir(dir, { withFileTypes: true });
      const out: DirectoryEntry[] = [];
      for (const e of entries) {
        if (e.isSymbolicLink()) {
          // A link is listed only when it points inside the workspace; walks do not descend into linked folders.
          const target = await this.#allowed(toUri(path.join(dir, e.name)));
          if (!target) continue;
          const stat = await fs.stat(target).catch(() => undefined);
          if (stat) out.push({ name: e.name, isDirectory: stat.isDirectory(), isSymbolicLink: true });
        } else if (e.isFile() || e.isDirectory()) {
          out.push({ name: e.name, isDirectory: e.isDirectory() });
        }
      }
      return out;
    } catch {
      return undefined;
    }
  }

  /** The real path of `uri` when it lies inside a workspace folder; undefined otherwise. */
  async #allowed(uri: string): Promise<string | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const real = await fs.realpath(file).catch(() => undefined);
    if (!real) return undefined;
    this.#realFolders ??= Promise.all(this.folders.map((f) => fs.realpath(fileURLToPath(f)).catch(() => fileURLToPath(f))));
    const roots = await this.#realFolders;
    return roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep)) ? real : undefined;
  }
}

export function toUri(file: string): string {
  return pathToFileURL(file).href.replace(/\/+$/, '');
}
