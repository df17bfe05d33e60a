/** One computation's results by line text, shared by the memos of a document's successive versions. */
interface Store<T> {
  readonly entries: Map<string, { readonly value: T; seen: number }>;
  /** The newest version's number. */
  generation: number;
}

/**
 * Results worked out from one line's text alone, kept from a document's previous version so
 * that an edit recomputes only the lines it touched. The versions of one document share one
 * store: a line found there costs a lookup, not a copy into a map of its own, which on a
 * large page is most of what an edit costs. Each new version drops what its predecessor did
 * not use, so at most two versions' entries are alive and a memo never grows past the size
 * of its page.
 */
export class LineMemo<T> {
  #store: Store<T>;
  #generation: number;

  constructor(previous?: LineMemo<T>) {
    if (!previous) {
      this.#store = { entries: new Map(), generation: 0 };
      this.#generation = 0;
      return;
    }
    const store = previous.#store;
    const used = previous.#generation;
    for (const [line, entry] of store.entries) if (entry.seen < used) store.entries.delete(line);
    this.#store = store;
    this.#generation = ++store.generation;
  }

  /** `compute` never gives undefined (null stands for "nothing on this line"). */
  get(line: string, compute: (line: string) => T): T {
    const entry = this.#store.entries.get(line);
    if (entry !== undefined) {
      if (entry.seen < this.#generation) entry.seen = this.#generation;
      return entry.value;
    }
    const value = compute(line);
    this.#store.entries.set(line, { value, seen: this.#generation });
    return value;
  }

  /** The entry of `line`, when there is one, counts as used by this version (it is kept for the next). */
  keep(line: string): void {
    const entry = this.#store.entries.get(line);
    if (entry !== undefined && entry.seen < this.#generation) entry.seen = this.#generation;
  }

  /** Entries of the predecessor are not used from now on (for a memo whose inputs changed). */
  forgetPrevious(): void {
    this.#store = { entries: new Map(), generation: 0 };
    this.#generation = 0;
  }
}
