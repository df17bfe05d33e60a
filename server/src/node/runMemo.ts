import * as path from 'node:path';
import type { DirectoryEntry } from '../service';

/** How many files a run keeps: more than a split family has. */
const KEPT_FILES = 32;

/**
 * What a one-shot run (the CLI) keeps of what it read, by path, so that two spellings of
 * one URI (`%2D` or `-`) share an entry. Nothing changes under a run but what the run
 * writes itself, and it says so (`forget`).
 * - Folders' real paths, learnt once; whether a file is a link is still checked each time.
 * - Every folder listing.
 * - The files read more than once, the last few of them. A split family's pages read each
 *   other, so without this each sibling would be read again for every page of its family;
 *   the pages are checked in path order, so a family's files are read close together. A file
 *   read once is not kept: the index reads every page of a handbook once.
 */
export class RunMemo {
  readonly #realDirs = new Map<string, Promise<string | undefined>>();
  readonly #listings = new Map<string, Promise<readonly DirectoryEntry[] | undefined>>();
  readonly #files = new Map<string, Promise<string | undefined>>();
  readonly #readOnce = new Set<string>();

  realDir(dir: string, resolve: () => Promise<string | undefined>): Promise<string | undefined> {
    let hit = this.#realDirs.get(dir);
    if (!hit) this.#realDirs.set(dir, (hit = resolve()));
    return hit;
  }

  listing(dir: string, read: () => Promise<readonly DirectoryEntry[] | undefined>): Promise<readonly DirectoryEntry[] | undefined> {
    let hit = this.#listings.get(dir);
    if (!hit) this.#listings.set(dir, (hit = read()));
    return hit;
  }

  file(file: string, read: () => Promise<string | undefined>): Promise<string | undefined> {
    if (!this.#readOnce.has(file)) {
      this.#readOnce.add(file);
      return read();
    }
    // The entries used longest ago go first: a Map keeps insertion order.
    const hit = this.#files.get(file) ?? read();
    this.#files.delete(file);
    this.#files.set(file, hit);
    if (this.#files.size > KEPT_FILES) this.#files.delete(this.#files.keys().next().value!);
    return hit;
  }

  /** The run wrote the file: the next read of it, or of its folder, goes to the disk. */
  forget(file: string): void {
    this.#files.delete(file);
    this.#listings.delete(path.dirname(file));
  }
}
