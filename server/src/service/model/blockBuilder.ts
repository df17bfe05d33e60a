import { cellCount, LINK_DEFINITION, tableStart } from '../markdown/lineKinds';
import { Container, type BlockListener } from '../markdown/listener';
import type { Blocks, Heading, HtmlBlock, ListItem, Segment, SegmentBlock } from './blocks';
import { atxHeading, setextHeading, type RawSegment } from './headings';
import { scanInline, type ScannedLine } from './inlineScanner';
import type { ModelMemo } from './memo';
import { trimBlanks } from './blockReuse';
import { LineIndex, range } from './lines';
import { normalizeLabel, parseDefinition } from './references';
import { tableCells } from './tables';

interface OpenItem {
  line: number;
  lastLine: number;
  at: number;
  width: number;
  ordered: boolean;
  depth: number;
  list: number;
  text: string;
}

/** An item that ended: a new item at its level on the line it ended on continues its list when the markers agree. */
interface ClosedItem {
  readonly list: number;
  readonly delimiter: string;
  readonly line: number;
}

/** Builds the model's blocks from what the block scanner reports. */
export class BlockBuilder implements BlockListener {
  private readonly headings: Heading[] = [];
  private readonly items: OpenItem[] = [];
  private readonly raw: (RawSegment & { block: SegmentBlock })[] = [];
  private readonly htmlBlocks: HtmlBlock[] = [];
  private readonly codeLines = new Set<number>();
  private readonly references = new Map<string, string>();
  /** Lines that end a run of text lines (trimmed of their trailing blanks). */
  private readonly lastLines = new Set<number>();
  private openFenceFrom: number | undefined;
  /** For each line, the last line up to it with text (-1: none): items closing together after blank lines cost one look each. */
  private readonly textAtOrBefore: Int32Array;
  private readonly lastText: number;

  // The open containers, outermost first, with the item each is (undefined: not an item).
  private readonly stack: (OpenItem | undefined)[] = [];
  private readonly kinds: Container[] = [];
  private readonly closedAt: (ClosedItem | undefined)[] = [];
  private openItems = 0;
  private openQuotes = 0;
  private lists = 0;

  constructor(
    private readonly index: LineIndex,
    private readonly bodyStartLine: number,
  ) {
    this.textAtOrBefore = new Int32Array(index.lineCount);
    let last = -1;
    for (let n = 0; n < index.lineCount; n++) {
      if (index.line(n).trim() !== '') last = n;
      this.textAtOrBefore[n] = last;
    }
    this.lastText = last;
  }

  open(kind: Container, line: number, at: number, width: number): void {
    const level = this.stack.length;
    let item: OpenItem | undefined;
    if (kind === Container.Item) {
      const source = this.index.line(line);
      const ordered = width > 1;
      const delimiter = source[at + width - 1]!;
      const before = this.closedAt[level];
      const list = before && before.line === line && before.delimiter === delimiter ? before.list : ++this.lists;
      item = { line, lastLine: line, at, width, ordered, depth: this.openItems, list, text: '' };
      this.items.push(item);
      this.openItems++;
    } else if (kind === Container.Quote) this.openQuotes++;
    // A container opened here is a new parent: lists below it start afresh.
    this.closedAt.length = level;
    this.stack.push(item);
    this.kinds.push(kind);
  }

  close(line: number): void {
    const item = this.stack.pop();
    const kind = this.kinds.pop();
    const level = this.stack.length;
    if (item) {
      this.openItems--;
      item.lastLine = this.lastContentLine(item.line, line - 1);
      const source = this.index.line(item.line);
      this.closedAt[level] = { list: item.list, delimiter: source[item.at + item.width - 1]!, line };
    } else if (kind === Container.Quote) this.openQuotes--;
    this.closedAt.length = Math.min(this.closedAt.length, level + 1);
  }

  paragraph(first: number, cols: readonly number[], underline: { line: number; depth: number } | undefined): void {
    const count = cols.length;
    const lineAt = (k: number): string => this.index.line(first + k).slice(cols[k]);
    // Goldmark's paragraph transformers: link definitions first, then a table takes its rows.
    let defs = 0;
    while (defs < count && LINK_DEFINITION.test(lineAt(defs))) {
      const d = parseDefinition(lineAt(defs));
      if (d && !this.references.has(d.label)) this.references.set(d.label, d.href);
      defs++;
    }
    const lines: string[] = [];
    for (let k = 0; k < count; k++) lines.push(lineAt(k));
    const table = defs < count ? tableStart(lines, defs) : -1;
    const end = table < 0 ? count : table;
    if (underline && end > defs) {
      this.headings.push(setextHeading(this.index, first + defs, first + end, cols.slice(defs), underline.line, underline.depth));
      this.text(first, cols, defs, end, 'heading');
    } else if (end > defs) this.text(first, cols, defs, end, this.context());
    if (table >= 0) this.table(first, cols, table, count);
  }

  atx(line: number, col: number): void {
    const { heading, segment } = atxHeading(this.index, line, col);
    this.headings.push(heading);
    if (segment) this.raw.push({ ...segment, block: 'heading' });
  }

  code(first: number, end: number, fenced: boolean, closed: boolean): void {
    // Blank lines after indented code are not part of it, nor the empty line after the page's last line break.
    let stop = end === this.index.lineCount && end - 1 > first && this.index.line(end - 1) === '' ? end - 1 : end;
    if (!fenced) while (stop > first && this.index.line(stop - 1).trim() === '') stop--;
    for (let n = first; n < stop; n++) this.codeLines.add(n);
    if (fenced && !closed && this.runsToPageEnd(end)) this.openFenceFrom = first;
  }

  html(first: number, end: number, untilMarker: boolean, closed: boolean): void {
    const text: string[] = [];
    for (let n = first; n < end; n++) text.push(this.index.line(n));
    this.htmlBlocks.push({ startLine: first, endLine: end, text: text.join('\n') });
    // A comment, <script>, <pre>… whose end marker never comes swallows the rest of the page, as a fence does.
    if (untilMarker && !closed && this.runsToPageEnd(end)) this.openFenceFrom ??= first;
  }

  blocks(memo: ModelMemo): Blocks {
    const refs = this.references;
    const lookup = (label: string): string | undefined => refs.get(normalizeLabel(label));
    memo.useReferences(refs);
    const scan = (text: string): ScannedLine => scanInline(text, lookup);
    const segments: Segment[] = this.raw.map((r) => ({ line: r.line, col: r.col, text: r.text, block: r.block, scan: memo.inline.get(r.text, scan) }));
    const blocks: Blocks = {
      headings: this.headings,
      listItems: this.items.map((i) => this.listItem(i)),
      segments,
      htmlBlocks: this.htmlBlocks,
      codeLines: this.codeLines,
      openFenceFrom: this.openFenceFrom,
    };
    memo.blocks = { index: this.index, bodyStartLine: this.bodyStartLine, blocks, references: refs, lastLines: this.lastLines };
    return blocks;
  }

  /** Inline text lines `[from, to)` of a paragraph starting at `first`; the last loses its trailing white space. */
  private text(first: number, cols: readonly number[], from: number, to: number, block: SegmentBlock): void {
    for (let k = from; k < to; k++) {
      const line = first + k;
      let text = this.index.line(line).slice(cols[k]);
      // Goldmark trims spaces and tabs only: a no-break space stays text.
      if (k === to - 1) {
        text = trimBlanks(text);
        this.lastLines.add(line);
      }
      this.raw.push({ line, col: cols[k]!, text, block });
    }
    // A heading's text is not its item's: rules read an item's text as the sentence it starts with.
    if (block === 'heading') return;
    const firstText = this.index.line(first + from).slice(cols[from]);
    this.itemText(first + from, to - from === 1 ? trimBlanks(firstText) : firstText);
  }

  private table(first: number, cols: readonly number[], header: number, count: number): void {
    const limit = cellCount(this.index.line(first + header).slice(cols[header]));
    for (let k = header; k < count; k++) {
      if (k === header + 1) continue; // the delimiter row
      const line = first + k;
      for (const c of tableCells(this.index.line(line), cols[k]!, limit)) this.raw.push({ line, col: c.col, text: c.text, block: 'table' });
    }
  }

  /** An item's text is the first line of the block it starts with, when that block starts on its line. */
  private itemText(line: number, text: string): void {
    let k = this.stack.length - 1;
    while (k >= 0 && !this.stack[k]) k--;
    const item = this.stack[k];
    if (item && item.line === line && !item.text) item.text = text;
  }

  private context(): SegmentBlock {
    return this.openItems ? 'list' : this.openQuotes ? 'blockquote' : 'paragraph';
  }

  private listItem(i: OpenItem): ListItem {
    const markerEnd = i.at + i.width;
    const source = this.index.line(i.line);
    const textCol = i.text ? Math.max(markerEnd, source.indexOf(i.text, markerEnd)) : source.length;
    return {
      line: i.line,
      lastLine: i.lastLine,
      marker: source.slice(i.at, markerEnd),
      markerRange: range(i.line, i.at, i.line, markerEnd),
      ordered: i.ordered,
      depth: i.depth,
      list: i.list,
      text: i.text,
      textRange: range(i.line, textCol, i.line, textCol + i.text.length),
    };
  }

  private lastContentLine(first: number, last: number): number {
    return Math.max(first, this.textAtOrBefore[last] ?? first);
  }

  /** Whether only blank lines follow line `end - 1`. */
  private runsToPageEnd(end: number): boolean {
    return end > this.lastText;
  }
}
