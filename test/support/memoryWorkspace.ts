import type { DirectoryEntry, FileStat, Workspace } from '../../server/src/service';

/** A workspace held in memory, for service tests. Records every read, so tests can prove a path was never read. */
export class MemoryWorkspace implements Workspace {
  readonly folders: readonly string[];
  readonly reads: string[] = [];
  readonly #files = new Map<string, string>();

  constructor(files: Record<string, string> = {}, readonly root = 'file:///hb') {
    this.folders = [root];
    for (const [p, text] of Object.entries(files)) this.set(p, text);
  }

  uri(relative: string): string {
    return `${this.root}/${relative.replace(/^\/+/, '')}`;
  }

  set(relative: string, text: string): string {
    const uri = this.uri(relative);
    this.#files.set(uri, text);
    return uri;
  }

  delete(relative: string): string {
    const uri = this.uri(relative);
    this.#files.delete(uri);
    return uri;
  }

  readFile(uri: string): Promise<string | undefined> {
    this.reads.push(uri);
    return Promise.resolve(this.#files.get(uri));
  }

  stat(uri: string): Promise<FileStat | undefined> {
    const text = this.#files.get(uri);
    if (text !== undefined) return Promise.resolve({ size: text.length, isDirectory: false });
    const prefix = uri.replace(/\/+$/, '') + '/';
    for (const key of this.#files.keys()) if (key.startsWith(prefix)) return Promise.resolve({ size: 0, isDirectory: true });
    return Promise.resolve(undefined);
  }

  readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
    const prefix = uri.replace(/\/+$/, '') + '/';
    const names = new Map<string, boolean>();
    for (const key of this.#files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      if (slash < 0) names.set(rest, false);
      else names.set(rest.slice(0, slash), true);
    }
    if (!names.size) return Promise.resolve(undefined);
    return Promise.resolve([...names].map(([name, isDirectory]) => ({ name, isDirectory })));
  }
}
