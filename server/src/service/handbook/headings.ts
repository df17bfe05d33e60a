/** One heading of an indexed page: its anchor, its text as written, where it is. */
export interface IndexedHeading {
  readonly id: string;
  readonly text: string;
  readonly line: number;
  readonly depth: number;
}

/** Between two headings' texts: no heading's text holds it (a page with NUL is not read as text). */
const SEPARATOR = '\u0000';

/**
 * A page's headings, held compactly: a handbook has hundreds of thousands of them, and an
 * object per heading costs more than its text. Objects are made only for the page a feature
 * asks about.
 */
export class PageHeadings {
  readonly #ids: readonly string[];
  readonly #texts: string;
  /** line × 8 + depth, per heading. */
  readonly #marks: readonly number[];

  /** `share` gives the string kept for an id, so that the page's anchors and headings hold one copy. */
  constructor(headings: readonly IndexedHeading[], share: (id: string) => string, copy: (text: string) => string) {
    this.#ids = headings.map((h) => share(h.id));
    this.#texts = copy(headings.map((h) => h.text.replaceAll(SEPARATOR, ' ')).join(SEPARATOR));
    this.#marks = headings.map((h) => h.line * 8 + Math.min(h.depth, 7));
  }

  get length(): number {
    return this.#ids.length;
  }

  /** The first heading with this id. */
  byId(id: string): IndexedHeading | undefined {
    const k = this.#ids.indexOf(id);
    if (k < 0) return undefined;
    const mark = this.#marks[k]!;
    return { id, text: this.#texts.split(SEPARATOR)[k] ?? '', line: Math.floor(mark / 8), depth: mark % 8 };
  }

  all(): IndexedHeading[] {
    const texts = this.#texts.split(SEPARATOR);
    return this.#ids.map((id, k) => ({ id, text: texts[k] ?? '', line: Math.floor(this.#marks[k]! / 8), depth: this.#marks[k]! % 8 }));
  }
}
