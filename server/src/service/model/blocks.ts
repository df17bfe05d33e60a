import type { Position, Range } from 'vscode-languageserver-types';
import { scanBlocks } from '../anchors/blocks';
import type { LineIndex } from './lines';
import type { ScannedLine } from './inlineScanner';
import { BlockBuilder } from './blockBuilder';
import { reuseBlocks } from './blockReuse';
import { ModelMemo } from './memo';

export interface Heading {
  readonly depth: number;
  readonly line: number;
  /** The heading's last line: its underline for a setext heading. */
  readonly endLine: number;
  /** Text as written, without a trailing `{#custom-id}`; the lines of a setext heading joined by spaces. */
  readonly text: string;
  readonly textRange: Range;
  /** The whole heading: its line, or a setext heading's lines and underline. */
  readonly range: Range;
  readonly customId: string | undefined;
  readonly setext: boolean;
  /** Where each line of `text` starts in the page, for mapping an offset in `text` back to the source. */
  readonly parts: readonly HeadingPart[];
}

export interface HeadingPart {
  /** Offset of this line's text in `Heading.text`. */
  readonly offset: number;
  readonly line: number;
  readonly character: number;
  readonly length: number;
}

/** The page position of an offset in a heading's (joined) text. */
export function headingPosition(h: Heading, offset: number): Position {
  let part = h.parts[0];
  for (const p of h.parts) if (p.offset <= offset) part = p;
  if (!part) return h.textRange.start;
  const within = Math.max(0, Math.min(offset - part.offset, part.length));
  return { line: part.line, character: part.character + within };
}

/** The page range of `[start, end)` in a heading's (joined) text. */
export function headingRange(h: Heading, start: number, end: number): Range {
  return { start: headingPosition(h, start), end: headingPosition(h, end) };
}

export interface ListItem {
  readonly line: number;
  /** Last line of the item, nested items included (inclusive). */
  readonly lastLine: number;
  readonly marker: string;
  readonly markerRange: Range;
  readonly ordered: boolean;
  /** 0 for a top-level item. */
  readonly depth: number;
  /** Which list the item belongs to: items of one list share it. */
  readonly list: number;
  /** The first line of the item's text. */
  readonly text: string;
  readonly textRange: Range;
}

export type SegmentBlock = 'paragraph' | 'heading' | 'list' | 'table' | 'blockquote';

/** One line of inline Markdown content, with where it sits in the source. */
export interface Segment {
  readonly line: number;
  readonly col: number;
  readonly text: string;
  readonly block: SegmentBlock;
  readonly scan: ScannedLine;
}

export interface HtmlBlock {
  readonly startLine: number;
  /** Exclusive. */
  readonly endLine: number;
  readonly text: string;
}

export interface Blocks {
  readonly headings: readonly Heading[];
  readonly listItems: readonly ListItem[];
  readonly segments: readonly Segment[];
  readonly htmlBlocks: readonly HtmlBlock[];
  /** Lines inside fenced or indented code blocks. */
  readonly codeLines: ReadonlySet<number>;
  /** First line of a fence or HTML comment (or another block that ends only at a marker) never closed: it swallows the rest of the page. */
  readonly openFenceFrom: number | undefined;
}

/**
 * The page's blocks as goldmark builds them, from the scanner the page's anchors come from; the
 * previous version's (in `memo`) with one line scanned again when an edit cannot have changed them.
 */
export function parseBlocks(index: LineIndex, bodyStartLine: number, memo: ModelMemo = new ModelMemo()): Blocks {
  const previous = memo.takePreviousBlocks();
  const reused = previous && reuseBlocks(previous, index, bodyStartLine, memo);
  if (reused) {
    memo.blocks = reused;
    return reused.blocks;
  }
  const builder = new BlockBuilder(index, bodyStartLine);
  scanBlocks(index.lines, bodyStartLine, () => false, false, true, builder);
  return builder.blocks(memo);
}
