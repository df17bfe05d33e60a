/** The containers goldmark nests blocks in. */
export const enum Container {
  Quote = 0,
  Item = 1,
  Footnote = 2,
}

/**
 * What the block scanner reports of a page's structure, in document order, for a caller that
 * builds its own view of the blocks (the model's headings, list items and inline lines). Lines
 * are indexes into the scanned lines; columns are string offsets in them.
 */
export interface BlockListener {
  /** A container opens on `line`; its marker (`>`, `-`, `1.`, `[^x]:`) is `width` long from `at`. */
  open(kind: Container, line: number, at: number, width: number): void;
  /** The innermost open container ends before `line`. */
  close(line: number): void;
  /**
   * A paragraph's lines, from `first`, each from its column in `cols` (after its white space). With
   * `underline`, a setext underline follows it: goldmark then makes a heading of what its link
   * definitions and a table leave (the scanner has checked something is left).
   */
  paragraph(first: number, cols: readonly number[], underline: { line: number; depth: number } | undefined): void;
  /** An ATX heading whose `#` is at `col`. */
  atx(line: number, col: number): void;
  /** Fenced or indented code over `[first, end)`; `closed` when a fence's closing marker ended it. */
  code(first: number, end: number, fenced: boolean, closed: boolean): void;
  /** An HTML block over `[first, end)`; `untilMarker` for kinds 1 to 5, which `closed` says whether their end marker ended. */
  html(first: number, end: number, untilMarker: boolean, closed: boolean): void;
}
