/**
 * Results worked out from one line's text alone, kept from a document's previous version so
 * that an edit recomputes only the lines it touched. A memo holds the entries its own version
 * used and falls back on its predecessor's, so at most two versions' entries are alive and a
 * memo never grows past the size of its page.
 */
export class LineMemo<T> {
  readonly #own = new Map<string, T>();
  #previous: ReadonlyMap<string, T> | undefined;

  constructor(previous?: LineMemo<T>) {
    this.#previous = previous ? previous.#own : undefined;
  }

  /** `compute` never gives undefined (null stands for "nothing on this line"). */
  get(line: string, compute: (line: string) => T): T {
    let value = this.#own.get(line);
    if (value !== undefined) return value;
    value = this.#previous?.get(line);
    if (value === undefined) value = compute(line);
    this.#own.set(line, value);
    return value;
  }

  /** Entries of the predecessor are not used from now on (for a memo whose inputs changed). */
  forgetPrevious(): void {
    this.#previous = undefined;
  }
}
