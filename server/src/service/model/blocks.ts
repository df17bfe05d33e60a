import MarkdownIt from 'markdown-it';
import type { Position, Range } from 'vscode-languageserver-types';
import { LineIndex, range } from './lines';
import { scanInline, type ScannedLine } from './inlineScanner';

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

let parser: ReturnType<typeof MarkdownIt> | undefined;

function markdown(): ReturnType<typeof MarkdownIt> {
  if (!parser) {
    parser = new MarkdownIt({ html: true, linkify: false, typographer: false });
    // Only the block structure is used; inline spans come from scanInline, which keeps columns.
    parser.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  }
  return parser;
}

/** A trailing `{#custom-id}`, found from the last `{#` so a line of many braces costs one pass. */
function customId(text: string): { id: string; index: number } | undefined {
  const at = text.lastIndexOf('{#');
  if (at < 0) return undefined;
  const m = /^\{#([^}\s]+)\}\s*$/.exec(text.slice(at));
  if (!m) return undefined;
  let index = at;
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return { id: m[1]!, index };
}

export function parseBlocks(index: LineIndex, bodyStartLine: number): Blocks {
  const lines = index.lines.map((l, n) => (n < bodyStartLine ? '' : l));
  const env: { references?: Record<string, { href: string; title: string }> } = {};
  const tokens = markdown().parse(lines.join('\n'), env);
  const refs = env.references ?? {};
  const lookup = (label: string): string | undefined => refs[normalizeLabel(label)]?.href;

  const headings: Heading[] = [];
  const listItems: ListItem[] = [];
  const segments: Segment[] = [];
  const htmlBlocks: HtmlBlock[] = [];
  const codeLines = new Set<number>();

  // List items are recorded when they open (to keep document order) and completed when their text arrives.
  const openItems: { line: number; lastLine: number; ordered: boolean; depth: number; list: number; textPending: boolean; slot: number }[] = [];
  const listOrdered: boolean[] = [];
  const listIds: number[] = [];
  let lists = 0;
  let block: SegmentBlock = 'paragraph';
  let quoteDepth = 0;
  let rowLine = -1;
  let rowCursor = 0;
  let openFenceFrom: number | undefined;

  const addSegments = (startLine: number, content: string, kind: SegmentBlock): void => {
    const parts = content.split('\n');
    parts.forEach((part, k) => {
      const line = startLine + k;
      const source = index.line(line);
      let text = part;
      let col = source.indexOf(part);
      if (col < 0) {
        // markdown-it expands a tab in a line's indentation to spaces: find the text after it,
        // or take the source line itself, so every column is one of the page.
        text = part.trimStart();
        col = text ? source.indexOf(text) : -1;
        if (col < 0) {
          col = source.length - source.trimStart().length;
          text = source.slice(col);
        }
      }
      segments.push({ line, col, text, block: kind, scan: scanInline(text, lookup) });
    });
  };

  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    switch (tok.type) {
      case 'heading_open': {
        const inline = tokens[t + 1];
        const line = tok.map?.[0] ?? 0;
        const setext = tok.markup !== '' && !tok.markup.startsWith('#');
        // A setext heading's text may span several lines; its underline is the last line of the block.
        const endLine = setext ? Math.max(line, (tok.map?.[1] ?? line + 2) - 1) : line;
        const raw = inline?.content ?? '';
        const parts = raw.split('\n');
        const lastPart = parts[parts.length - 1] ?? '';
        const id = customId(lastPart);
        const textLines = parts.map((p, k) => (k === parts.length - 1 && id ? p.slice(0, id.index) : p).trim());
        const text = textLines.filter(Boolean).join(' ');
        const first = index.line(line);
        const firstText = textLines[0] ?? '';
        let col = firstText ? first.indexOf(firstText, setext ? 0 : first.indexOf('#') + tok.markup.length) : -1;
        if (col < 0) col = first.length;
        const lastTextLine = setext ? Math.max(line, endLine - 1) : line;
        const lastSource = index.line(lastTextLine);
        const lastText = textLines[textLines.length - 1] ?? '';
        let endCol = lastTextLine === line ? col + firstText.length : lastSource.indexOf(lastText) + lastText.length;
        if (endCol < 0 || endCol > lastSource.length) endCol = lastSource.length;
        const headingParts: HeadingPart[] = [];
        let offset = 0;
        textLines.forEach((t, k) => {
          if (!t) return;
          const source = index.line(line + k);
          let at = k === 0 ? col : source.indexOf(t);
          if (at < 0 || at + t.length > source.length) at = Math.max(0, Math.min(at, source.length - t.length));
          headingParts.push({ offset, line: line + k, character: at, length: Math.min(t.length, source.length - at) });
          offset += t.length + 1;
        });
        headings.push({
          depth: Number(tok.tag.slice(1)),
          line,
          endLine,
          text,
          textRange: range(line, col, lastTextLine, endCol),
          range: range(line, 0, endLine, index.line(endLine).length),
          customId: id?.id,
          setext,
          parts: headingParts,
        });
        if (inline) addSegments(line, raw, 'heading');
        t++;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open':
        listOrdered.push(tok.type === 'ordered_list_open');
        listIds.push(++lists);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listOrdered.pop();
        listIds.pop();
        break;
      case 'list_item_open': {
        const line = tok.map?.[0] ?? 0;
        const last = (tok.map?.[1] ?? line + 1) - 1;
        openItems.push({
          line,
          lastLine: lastContentLine(index, line, last),
          ordered: listOrdered[listOrdered.length - 1] ?? false,
          depth: listOrdered.length - 1,
          list: listIds[listIds.length - 1] ?? 0,
          textPending: true,
          slot: listItems.length,
        });
        listItems.push(undefined as unknown as ListItem);
        block = 'list';
        break;
      }
      case 'list_item_close': {
        const item = openItems.pop();
        if (item && item.textPending) listItems[item.slot] = makeItem(index, item, '');
        if (!openItems.length) block = quoteDepth ? 'blockquote' : 'paragraph';
        break;
      }
      case 'blockquote_open':
        quoteDepth++;
        if (!openItems.length) block = 'blockquote';
        break;
      case 'blockquote_close':
        quoteDepth--;
        if (!openItems.length) block = quoteDepth ? 'blockquote' : 'paragraph';
        break;
      case 'tr_open':
        rowLine = tok.map?.[0] ?? -1;
        rowCursor = 0;
        break;
      case 'inline': {
        if (tok.map) {
          addSegments(tok.map[0], tok.content, block);
          const item = openItems[openItems.length - 1];
          if (item && item.textPending && tok.map[0] === item.line) {
            item.textPending = false;
            listItems[item.slot] = makeItem(index, item, tok.content.split('\n')[0] ?? '');
          }
        } else if (rowLine >= 0) {
          const source = index.line(rowLine);
          const col = tok.content ? source.indexOf(tok.content, rowCursor) : -1;
          if (col >= 0) {
            segments.push({ line: rowLine, col, text: tok.content, block: 'table', scan: scanInline(tok.content, lookup) });
            rowCursor = col + tok.content.length;
          }
        }
        break;
      }
      case 'fence':
      case 'code_block':
        if (tok.map) for (let n = tok.map[0]; n < tok.map[1]; n++) codeLines.add(n);
        // A fence that runs to the end of the page without its closing marker.
        if (tok.type === 'fence' && tok.map && runsToPageEnd(index, tok.map[1]) && (tok.map[1] - 1 === tok.map[0] || !closesFence(index.line(tok.map[1] - 1), tok.markup))) openFenceFrom = tok.map[0];
        break;
      case 'html_block':
        if (tok.map) {
          htmlBlocks.push({ startLine: tok.map[0], endLine: tok.map[1], text: tok.content });
          // A comment, <script>, <pre>… block whose end marker never comes swallows the rest of the page, as a fence does.
          if (runsToPageEnd(index, tok.map[1]) && runsToEnd(tok.content)) openFenceFrom ??= tok.map[0];
        }
        break;
      default:
        break;
    }
  }
  return { headings, listItems: listItems.filter(Boolean), segments, htmlBlocks, codeLines, openFenceFrom };
}

/** Whether a block ending before line `end` reaches the end of the page: only blank lines follow it. */
function runsToPageEnd(index: LineIndex, end: number): boolean {
  for (let n = end; n < index.lineCount; n++) if (index.line(n).trim() !== '') return false;
  return true;
}

/** The HTML blocks CommonMark ends only at a marker (kinds 1 to 5), and whether that marker is missing. */
const UNTIL_MARKER: readonly (readonly [RegExp, string])[] = [
  [/^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, '</'],
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];
function runsToEnd(content: string): boolean {
  for (const [open, close] of UNTIL_MARKER) {
    const m = open.exec(content);
    if (!m) continue;
    if (close === '</') return !/<\/(?:script|pre|style|textarea)>/i.test(content);
    return !content.includes(close, m[0].length);
  }
  return false;
}

function closesFence(line: string, markup: string): boolean {
  const t = line.trim();
  return t.length >= markup.length && t.startsWith(markup[0]!.repeat(markup.length)) && /^([`~])\1*$/.test(t);
}

function makeItem(
  index: LineIndex,
  item: { line: number; lastLine: number; ordered: boolean; depth: number; list: number },
  text: string,
): ListItem {
  const source = index.line(item.line);
  const markerCol = source.length - source.trimStart().length;
  const markerLen = item.ordered ? (/^\d+[.)]/.exec(source.slice(markerCol))?.[0].length ?? 1) : 1;
  const textCol = text ? Math.max(markerCol + markerLen, source.indexOf(text, markerCol + markerLen)) : source.length;
  return {
    line: item.line,
    lastLine: item.lastLine,
    marker: source.slice(markerCol, markerCol + markerLen),
    markerRange: range(item.line, markerCol, item.line, markerCol + markerLen),
    ordered: item.ordered,
    depth: item.depth,
    list: item.list,
    text,
    textRange: range(item.line, textCol, item.line, textCol + text.length),
  };
}

function lastContentLine(index: LineIndex, first: number, last: number): number {
  let n = last;
  while (n > first && index.line(n).trim() === '') n--;
  return n;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toUpperCase();
}
