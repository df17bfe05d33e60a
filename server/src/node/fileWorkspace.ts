import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DirectoryEntry, FileStat, Workspace } from '../service';
import { RunMemo } from './runMemo';

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
  /** For a one-shot run (the CLI): what it read, kept for the run. */
  readonly #memo: RunMemo | undefined;

  constructor(folders: readonly string[], openText: (uri: string) => string | undefined = () => undefined, options: { readonly oneShot?: boolean } = {}) {
    this.folders = folders.filter((f) => f.startsWith('file:')).map((f) => f.replace(/\/+$/, ''));
    this.#openText = openText;
    this.#memo = options.oneShot ? new RunMemo() : undefined;
  }

  static fromPaths(paths: readonly string[], options: { readonly oneShot?: boolean } = {}): FileWorkspace {
    return new FileWorkspace(paths.map((p) => toUri(path.resolve(p))), undefined, options);
  }

  readFile(uri: string): Promise<string | undefined> {
    const open = this.#openText(uri);
    if (open !== undefined) return Promise.resolve(open);
    const memo = this.#memo;
    const file = memo && pathOf(uri);
    if (!memo || file === undefined) return this.#readFile(uri);
    return memo.file(file, () => this.#readFile(uri));
  }

  /** A one-shot run wrote the file: the next read of it, or of its folder, goes to the disk. */
  forget(uri: string): void {
    const file = pathOf(uri);
    if (file !== undefined) this.#memo?.forget(file);
  }

  async #readFile(uri: string): Promise<string | undefined> {
    // One open file serves the size check and the read: a handbook has thousands of pages.
    let handle: fs.FileHandle | undefined;
    try {
      handle = await this.#open(uri);
      if (!handle) return undefined;
      const stat = await handle.stat();
      if (!stat.isFile() || stat.size > MAX_FILE_BYTES) return undefined;
      // Read at the size just learnt: `readFile` would ask for the size again.
      const bytes = Buffer.allocUnsafe(stat.size);
      let length = 0;
      while (length < bytes.length) {
        const { bytesRead } = await handle.read(bytes, length, bytes.length - length, length);
        if (!bytesRead) break;
        length += bytesRead;
      }
      return bytes.toString('utf8', 0, length);
    } catch {
      return undefined;
    } finally {
      await handle?.close().catch(() => undefined);
    }
  }

  /**
   * Opens a file inside the workspace folders for reading. Non-blocking, so that opening a
   * named pipe returns at once (and is then refused) instead of waiting for a writer. In a
   * one-shot run a file whose folder's real path is known and inside the workspace is opened
   * there without following a link: no `lstat` first, and a link (the open fails) takes the
   * way through `realpath`.
   */
  async #open(uri: string): Promise<fs.FileHandle | undefined> {
    const flags = constants.O_RDONLY | constants.O_NONBLOCK;
    const file = this.#memo && constants.O_NOFOLLOW !== undefined ? pathOf(uri) : undefined;
    if (this.#memo && file !== undefined) {
      const realDir = await this.#realDir(path.dirname(file));
      const direct = realDir && path.join(realDir, path.basename(file));
      if (direct && (await this.#insideRoots(direct))) {
        try {
          return await fs.open(direct, flags | constants.O_NOFOLLOW);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ELOOP') return undefined;
        }
      }
    }
    const real = await this.#allowed(uri);
    return real ? fs.open(real, flags) : undefined;
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

  readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
    const memo = this.#memo;
    const dir = memo && pathOf(uri);
    if (!memo || dir === undefined) return this.#readDirectory(uri);
    return memo.listing(dir, () => this.#readDirectory(uri));
  }

  async #readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
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

  /**
   * `realpath`, or in a one-shot run the folder's real path (learnt once per folder) joined
   * with the name, when an `lstat` shows the name itself is not a symbolic link.
   */
  async #realpath(file: string): Promise<string | undefined> {
    if (!this.#memo) return fs.realpath(file).catch(() => undefined);
    const [parent, stat] = await Promise.all([this.#realDir(path.dirname(file)), fs.lstat(file).catch(() => undefined)]);
    if (!parent || !stat) return undefined;
    return stat.isSymbolicLink() ? fs.realpath(file).catch(() => undefined) : path.join(parent, path.basename(file));
  }

  /**
   * A folder's real path in a one-shot run, learnt once: its parent's real path and its own
   * name, when it is not a link itself (one `lstat`, where `realpath` looks at every part of
   * the path again for each folder).
   */
  #realDir(dir: string): Promise<string | undefined> {
    return this.#memo!.realDir(dir, async () => {
      const parent = path.dirname(dir);
      if (parent === dir) return fs.realpath(dir).catch(() => undefined);
      const [realParent, stat] = await Promise.all([this.#realDir(parent), fs.lstat(dir).catch(() => undefined)]);
      if (!realParent || !stat) return undefined;
      return stat.isSymbolicLink() ? fs.realpath(dir).catch(() => undefined) : path.join(realParent, path.basename(dir));
    });
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
    const real = await this.#realpath(file);
    return real && (await this.#insideRoots(real)) ? real : undefined;
  }

  /** Whether a real path lies inside a workspace folder's real path. */
  async #insideRoots(real: string): Promise<boolean> {
    this.#realFolders ??= Promise.all(this.folders.map((f) => fs.realpath(fileURLToPath(f)).catch(() => fileURLToPath(f))));
    const roots = await this.#realFolders;
    return roots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  }
}

function pathOf(uri: string): string | undefined {
  try {
    return path.resolve(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function toUri(file: string): string {
  return pathToFileURL(file).href.replace(/\/+$/, '');
}
