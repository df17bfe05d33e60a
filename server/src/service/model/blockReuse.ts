import type { Blocks, ListItem, Segment } from './blocks';
import { scanInline, type ScannedLine } from './inlineScanner';
import { range, type LineIndex } from './lines';
import type { ModelMemo } from './memo';
import { normalizeLabel } from './references';

/** One version's blocks with what the next version needs to tell whether they still hold. */
export interface BlockState {
  readonly index: LineIndex;
  readonly bodyStartLine: number;
  readonly blocks: Blocks;
  /** The page's link reference definitions, by normalised label: the inline scan resolves through them. */
  readonly references: ReadonlyMap<string, string>;
  /** Lines that end a run of text lines: their segment's text has lost its trailing blanks. */
  readonly lastLines: ReadonlySet<number>;
}

/**
 * First characters of a line's content that start no block, end none and cannot be part of
 * a table's delimiter row: letters, non-ASCII, and punctuation no block marker uses. Narrower
 * than what the block scanner reads as plain text (no digits, which start ordered items; no `|`
 * or `:`, which make table rows).
 */
const INERT = new Uint8Array(128);
for (let c = 0; c < 128; c++) INERT[c] = /[A-Za-z!"$%&'(),./;?@\\^}]/.test(String.fromCharCode(c)) ? 1 : 0;

function inertAt(text: string, col: number): boolean {
  const c = text.charCodeAt(col);
  return c >= 128 || INERT[c] === 1;
}

/**
 * The previous version's blocks, with the one line an edit changed scanned again, when the
 * edit cannot have changed the page's block structure: typing inside a paragraph or a list
 * item's text. The line is the only one that differs, it is a line of a paragraph (not of a
 * heading or a table), its containers' markers and indentation are as they were, and its
 * text starts, before and after, with a character that starts no block and holds no table
 * cell. Then the block scanner would take the same path through every line: only that line's
 * segment and the text of an item starting on it change. Undefined when the edit may have
 * changed more (the page is then scanned in full).
 */
export function reuseBlocks(previous: BlockState, index: LineIndex, bodyStartLine: number, memo: ModelMemo): BlockState | undefined {
  if (previous.bodyStartLine !== bodyStartLine) return undefined;
  const line = onlyChangedLine(previous.index, index);
  if (line === undefined || line < bodyStartLine) return undefined;
  const { segments } = previous.blocks;
  const at = segmentOn(segments, line);
  if (at < 0) return undefined;
  const old = segments[at]!;
  if (old.block === 'heading' || old.block === 'table') return undefined;
  const before = previous.index.line(line);
  const after = index.line(line);
  const { col } = old;
  if (!inertAt(before, col) || !inertAt(after, col) || before.includes('|') || after.includes('|')) return undefined;
  if (after.length <= col || after.slice(0, col) !== before.slice(0, col)) return undefined;

  const refs = previous.references;
  memo.useReferences(refs);
  const lookup = (label: string): string | undefined => refs.get(normalizeLabel(label));
  const scan = (text: string): ScannedLine => scanInline(text, lookup);
  const last = previous.lastLines.has(line);
  const raw = after.slice(col);
  const text = last ? trimBlanks(raw) : raw;
  const next = segments.slice();
  next[at] = { line, col, text, block: old.block, scan: memo.inline.get(text, scan) };
  // The other lines' scans are the previous version's: they stay in the memo for the next one.
  for (const s of segments) if (s !== old) memo.inline.keep(s.text);

  return {
    index,
    bodyStartLine,
    references: refs,
    lastLines: previous.lastLines,
    blocks: { ...previous.blocks, segments: next, listItems: withItemText(previous.blocks.listItems, line, text, after) },
  };
}

/** The one line two texts of the same length in lines differ in; undefined when none or several do. */
function onlyChangedLine(a: LineIndex, b: LineIndex): number | undefined {
  if (a.lineCount !== b.lineCount) return undefined;
  const x = a.lines;
  const y = b.lines;
  let first = 0;
  while (first < x.length && x[first] === y[first]) first++;
  if (first === x.length) return undefined;
  let last = x.length - 1;
  while (last > first && x[last] === y[last]) last--;
  return last === first ? first : undefined;
}

/** The index of the only segment on `line` (segments are in line order), or -1. */
function segmentOn(segments: readonly Segment[], line: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = segments[mid]!.line;
    if (at < line) lo = mid + 1;
    else if (at > line) hi = mid - 1;
    else {
      const one = segments[mid - 1]?.line !== line && segments[mid + 1]?.line !== line;
      return one ? mid : -1;
    }
  }
  return -1;
}

/** Items starting on `line` whose text is that line's take its new text (the builder's own rule for an item's text). */
function withItemText(items: readonly ListItem[], line: number, text: string, source: string): readonly ListItem[] {
  let out: ListItem[] | undefined;
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.line !== line || !item.text) continue;
    out ??= items.slice();
    const markerEnd = item.markerRange.end.character;
    const textCol = Math.max(markerEnd, source.indexOf(text, markerEnd));
    out[k] = { ...item, text, textRange: range(line, textCol, line, textCol + text.length) };
  }
  return out ?? items;
}

/** Goldmark trims spaces and tabs only from a paragraph's last line: a no-break space stays text. */
export function trimBlanks(s: string): string {
  let end = s.length;
  while (end > 0 && (s.charCodeAt(end - 1) === 32 || s.charCodeAt(end - 1) === 9)) end--;
  return end === s.length ? s : s.slice(0, end);
}
