import type { DirectoryEntry, FileStat, Workspace } from '../../server/src/service';

/**
 * A workspace with files laid over another one: the overlay's texts win, its files show in
 * folder listings. Lets a test put pages into a real handbook checkout without writing to it.
 */
export class OverlayWorkspace implements Workspace {
  readonly #files = new Map<string, string>();
  /** Keys are decoded, so `a%2Cb.md` and `a,b.md` are one file however a URI was built. */
  static #key = (uri: string): string => {
    try {
      return decodeURIComponent(uri);
    } catch {
      return uri;
    }
  };

  constructor(readonly base: Workspace) {}

  get folders(): readonly string[] {
    return this.base.folders;
  }

  setUri(uri: string, text: string): void {
    this.#files.set(OverlayWorkspace.#key(uri), text);
  }

  readFile(uri: string): Promise<string | undefined> {
    const text = this.#files.get(OverlayWorkspace.#key(uri));
    return text !== undefined ? Promise.resolve(text) : this.base.readFile(uri);
  }

  async stat(uri: string): Promise<FileStat | undefined> {
    const text = this.#files.get(OverlayWorkspace.#key(uri));
    if (text !== undefined) return { size: text.length, isDirectory: false };
    const base = await this.base.stat(uri);
    if (base) return base;
    const prefix = `${OverlayWorkspace.#key(uri).replace(/\/+$/, '')}/`;
    for (const key of this.#files.keys()) if (key.startsWith(prefix)) return { size: 0, isDirectory: true };
    return undefined;
  }

  async readDirectory(uri: string): Promise<readonly DirectoryEntry[] | undefined> {
    const base = await this.base.readDirectory(uri);
    const prefix = `${OverlayWorkspace.#key(uri).replace(/\/+$/, '')}/`;
    const entries = new Map<string, DirectoryEntry>((base ?? []).map((e) => [e.name, e]));
    for (const key of this.#files.keys()) {
      if (!key.startsWith(prefix)) continue;
      const rest = key.slice(prefix.length);
      const slash = rest.indexOf('/');
      const name = slash < 0 ? rest : rest.slice(0, slash);
      if (!entries.has(name)) entries.set(name, { name, isDirectory: slash >= 0 });
    }
    return entries.size || base ? [...entries.values()] : undefined;
  }
}
