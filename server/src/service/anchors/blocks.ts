import { parseAttributeList, trailingAttributes } from './attributes';
import { rawHtmlIds } from './html';
import { emojify } from './emoji';
import { scanInline } from './inline';
import { Container, type BlockListener } from '../markdown/listener';
import {
  atxContent,
  atxParts,
  BLANK,
  FENCE_OPEN,
  footnoteDefinition,
  htmlStart,
  isAtx,
  isBlankFrom,
  isContinuationText,
  isSetextUnderline,
  isThematicBreak,
  LINK_DEFINITION,
  listMarkerWidth,
  marker,
  PLAIN_ASCII,
  tableStart,
} from '../markdown/lineKinds';

/**
 * The block structure of a page as goldmark (CommonMark + GFM tables + footnotes + the
 * site's attribute lists) builds it, reduced to what makes anchors: headings with the raw
 * text their IDs come from, ids in raw HTML, ids from block attribute lists, footnote
 * definitions and references. One pass over the lines, tracking block quotes, list items
 * and footnote definitions as containers; fenced and indented code and HTML blocks are
 * recognised so that what looks like a heading in them is not one. A `listener` is told the
 * structure as it is found: the model builds its blocks from it.
 */
export interface BlockFacts {
  readonly headings: ScannedHeading[];
  readonly ids: ScannedId[];
  readonly definitions: FootnoteDefinition[];
  readonly references: FootnoteReference[];
}

export interface ScannedHeading {
  readonly depth: number;
  /** Output line of the heading's first line. */
  readonly line: number;
  /** The text its automatic ID is made from (the last line, without an attribute list). */
  readonly raw: string;
  /** The heading as written (lines joined), without an attribute list. */
  readonly text: string;
  /** An `{#id}` (or `id=`) of its attribute list. */
  readonly explicitId: string | undefined;
  /** Shortcode output is part of its text: its ID depends on what the template writes. */
  readonly unknown: boolean;
  /** Document order among headings, ids and references. */
  readonly seq: number;
}

export interface ScannedId {
  readonly id: string;
  readonly line: number;
  readonly col: number;
  readonly kind: 'html' | 'attribute';
  readonly seq: number;
}

export interface FootnoteDefinition {
  readonly label: string;
  readonly line: number;
  readonly seq: number;
}

export interface FootnoteReference {
  readonly label: string;
  readonly line: number;
  readonly col: number;
  /** Index into `definitions` when the reference sits inside a definition, else -1. */
  readonly inDefinition: number;
  readonly seq: number;
}

const QUOTE = Container.Quote;
const ITEM = Container.Item;
const FOOTNOTE = Container.Footnote;


const NONE = 0;
const PARAGRAPH = 1;
const FENCE = 2;
const HTML = 3;
const CODE = 4;

/** What the block before an attribute list is, for `{#id}` on the next line. */
const SIB_NONE = 0;
const SIB_RENDERS_ID = 1;
const SIB_OTHER = 2;

/** Its lines are consecutive, from `first`; each starts at its column in `cols` (undefined: all at 0). */
interface Paragraph {
  first: number;
  count: number;
  cols: number[] | undefined;
  html: boolean;
  refs: boolean;
  seq: number;
  definition: number;
}


/**
 * `lines[start…]` is the body. `emoji` replaces emoji codes in what anchors are made of
 * (the caller has not done it for the whole body).
 */
export function scanBlocks(
  lines: readonly string[],
  start: number,
  marked: (line: number) => boolean,
  emoji: boolean,
  footnotes = true,
  listener?: BlockListener,
): BlockFacts {
  const em = emoji ? emojify : (t: string): string => t;
  const headings: ScannedHeading[] = [];
  const ids: ScannedId[] = [];
  const definitions: FootnoteDefinition[] = [];
  const references: FootnoteReference[] = [];
  let seq = 0;

  // The open containers, outermost first, as parallel arrays (no object per list item):
  // kind, columns of indentation a line needs to continue it (items, footnotes), footnote definition.
  const cKind: Container[] = [];
  const cIndent: number[] = [];
  const cDef: number[] = [];
  let depth = 0;
  let leaf = NONE;
  // The line being scanned (past the end once all are), and where the open leaf started.
  let curLine = start;
  let leafFirst = 0;
  let htmlUntilMarker = false;
  let para: Paragraph | undefined;
  let spare: Paragraph | undefined;
  let fenceChar = '';
  let fenceLength = 0;
  let htmlEnd: RegExp | string | undefined; // undefined: the block ends at a blank line
  let htmlLines: string[] = [];
  let htmlCols: number[] = [];
  let htmlFirst = 0;
  let sibling = SIB_NONE;
  let siblingHasId = false;
  let prevBlank = true;

  // The cursor over the current line: `pos` in the string, `col` its column (tabs to 4),
  // `extra` spaces left over from a tab partly used up by a container's indentation.
  let text = '';
  let pos = 0;
  let col = 0;
  let extra = 0;

  const currentDefinition = (): number => {
    for (let k = depth - 1; k >= 0; k--) if (cKind[k] === FOOTNOTE) return cDef[k]!;
    return -1;
  };

  // Columns of white space from the cursor (indWidth) and where it ends (indEnd), set by indent().
  let indWidth = 0;
  let indEnd = 0;
  const indent = (): void => {
    let width = extra;
    let c = col;
    let i = pos;
    for (; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 32) {
        width++;
        c++;
      } else if (ch === 9) {
        const w = 4 - (c % 4);
        width += w;
        c += w;
      } else break;
    }
    indWidth = width;
    indEnd = i;
  };

  /** Uses up `n` columns of white space. */
  const consume = (n: number): void => {
    let left = n;
    const fromExtra = Math.min(extra, left);
    extra -= fromExtra;
    left -= fromExtra;
    while (left > 0 && pos < text.length) {
      const ch = text.charCodeAt(pos);
      if (ch === 32) {
        pos++;
        col++;
        left--;
      } else if (ch === 9) {
        const w = 4 - (col % 4);
        pos++;
        col += w;
        if (w > left) {
          extra = w - left;
          left = 0;
        } else left -= w;
      } else break;
    }
  };

  /** Moves the cursor to `end` (a position after white space), keeping the column right. */
  const skipTo = (end: number): void => {
    while (pos < end) {
      col += text.charCodeAt(pos) === 9 ? 4 - (col % 4) : 1;
      pos++;
    }
    extra = 0;
  };

  const rest = (): string => (extra ? ' '.repeat(extra) + text.slice(pos) : text.slice(pos));

  const addId = (id: string, line: number, c: number, kind: ScannedId['kind']): void => {
    if (id) ids.push({ id, line, col: c, kind, seq: seq++ });
  };

  const scanText = (lines_: readonly string[], firstLine: number, cols: readonly number[], definition: number, wantRefs: boolean): void => {
    const joined = lines_.length === 1 ? lines_[0]! : lines_.join('\n');
    const where = (offset: number): { line: number; col: number } => {
      let k = 0;
      let start = 0;
      while (k < lines_.length - 1 && offset > start + lines_[k]!.length) {
        start += lines_[k]!.length + 1;
        k++;
      }
      return { line: firstLine + k, col: cols[k]! + offset - start };
    };
    scanInline(
      joined,
      (id, offset) => {
        const w = where(offset);
        addId(id, w.line, w.col, 'html');
      },
      wantRefs
        ? (label, offset) => {
            const w = where(offset);
            references.push({ label, line: w.line, col: w.col, inDefinition: definition, seq: seq++ });
          }
        : undefined,
    );
  };

  const closeParagraph = (): void => {
    if (!para) return;
    const p = para;
    para = undefined;
    leaf = NONE;
    if (p.html || p.refs) scanText(paragraphLines(p).map(em), p.first, paragraphCols(p), p.definition, p.refs);
    listener?.paragraph(p.first, paragraphCols(p), undefined);
    spare = p;
    sibling = SIB_RENDERS_ID;
    siblingHasId = false;
  };

  const closeHtml = (end: number, closed: boolean): void => {
    leaf = NONE;
    listener?.html(htmlFirst, end, htmlUntilMarker, closed);
    const joined = em(htmlLines.join('\n'));
    const starts: number[] = [];
    let offset = 0;
    for (const l of htmlLines) {
      starts.push(offset);
      offset += l.length + 1;
    }
    rawHtmlIds(joined, (id, at) => {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > at) k--;
      addId(id, htmlFirst + k, htmlCols[k]! + at - starts[k]!, 'html');
    });
    htmlLines = [];
    htmlCols = [];
    sibling = SIB_OTHER;
  };

  const closeLeaf = (): void => {
    if (leaf === PARAGRAPH) closeParagraph();
    else if (leaf === HTML) closeHtml(curLine, false);
    else if (leaf !== NONE) {
      listener?.code(leafFirst, curLine, leaf === FENCE, false);
      leaf = NONE;
      sibling = SIB_OTHER;
    }
  };

  const closeContainers = (keep: number): void => {
    if (depth <= keep) return;
    closeLeaf();
    const kind = cKind[keep];
    if (listener) for (let k = depth; k > keep; k--) listener.close(curLine);
    depth = keep;
    sibling = kind === FOOTNOTE ? SIB_OTHER : SIB_RENDERS_ID;
    siblingHasId = false;
  };

  const atx = (line: number, raw: string, startCol: number): void => {
    listener?.atx(line, startCol);
    const s = em(raw);
    let level = 0;
    while (s.charCodeAt(level) === 35) level++;
    let content = atxContent(s, level);
    let explicitId = atxParts.id;
    const at = startCol + atxParts.start;
    if (explicitId === undefined) {
      const t = trailingAttributes(content);
      if (t) {
        content = t.text;
        explicitId = t.id;
      }
    }
    const refs = footnotes && content.includes('[^');
    headings.push({ depth: level, line, raw: content, text: content.trim(), explicitId, unknown: marked(line), seq: seq++ });
    if (refs || content.includes('<')) scanText([content], line, [at], depth ? currentDefinition() : -1, refs);
    sibling = SIB_OTHER;
  };

  // Containers a line opens, before they are pushed.
  const oKind: Container[] = [];
  const oIndent: number[] = [];
  const oDef: number[] = [];
  const oAt: number[] = [];
  const oWidth: number[] = [];
  for (let li = start; li < lines.length; li++) {
    const line = lines[li]!;
    curLine = li;
    const c0 = line.charCodeAt(0);
    if (!depth) {
      // Fast paths for the lines most pages are made of, outside any container.
      if (leaf === PARAGRAPH && (c0 >= 128 || PLAIN_ASCII[c0] === 1)) {
        const p = para!;
        p.count++;
        p.cols?.push(0);
        if (!p.html && line.includes('<')) p.html = true;
        if (footnotes && !p.refs && line.includes('[^')) p.refs = true;
        prevBlank = false;
        continue;
      }
      if (leaf === NONE || leaf === PARAGRAPH) {
        text = line;
        if (c0 >= 128 || PLAIN_ASCII[c0] === 1) {
          startParagraph(li, line, 0);
          prevBlank = false;
          continue;
        }
        if (!line.length) {
          if (leaf === PARAGRAPH) closeParagraph();
          prevBlank = true;
          continue;
        }
        if (c0 === 35 /* # */ && isAtx(line)) {
          closeLeaf();
          prevBlank = false;
          atx(li, line, 0);
          continue;
        }
      } else if (leaf === FENCE && c0 !== 32 && c0 !== 9 && line.charAt(0) !== fenceChar) {
        prevBlank = false;
        continue;
      }
    }
    text = line;
    pos = 0;
    col = 0;
    extra = 0;

    // 1. Which open containers this line continues.
    let matched = 0;
    for (; matched < depth; matched++) {
      indent();
      if (cKind[matched] === QUOTE) {
        if (indWidth > 3 || text.charCodeAt(indEnd) !== 62 /* > */) break;
        skipTo(indEnd);
        pos++;
        col++;
        if (text.charCodeAt(pos) === 32) {
          pos++;
          col++;
        } else if (text.charCodeAt(pos) === 9) consume(1);
      } else {
        if (indEnd >= text.length) continue; // a blank line stays in the item
        if (indWidth < cIndent[matched]!) break;
        consume(cIndent[matched]!);
      }
    }
    const allMatched = matched === depth;

    // 2. Leaves that swallow their lines.
    if (leaf === FENCE) {
      if (allMatched) {
        indent();
        if (indWidth <= 3 && text.charAt(indEnd) === fenceChar) {
          let n = indEnd;
          while (text.charAt(n) === fenceChar) n++;
          if (n - indEnd >= fenceLength && isBlankFrom(text, n)) {
            listener?.code(leafFirst, li + 1, true, true);
            leaf = NONE;
            sibling = SIB_OTHER;
          }
        }
        prevBlank = false;
        continue;
      }
      listener?.code(leafFirst, li, true, false);
      leaf = NONE;
    } else if (leaf === HTML) {
      if (allMatched) {
        const r = rest();
        if (htmlEnd === undefined && BLANK.test(r)) {
          closeHtml(li, false);
          prevBlank = true;
          continue;
        }
        htmlLines.push(r);
        htmlCols.push(text.length - r.length);
        if (htmlEnd !== undefined && (typeof htmlEnd === 'string' ? r.includes(htmlEnd) : htmlEnd.test(r))) closeHtml(li + 1, true);
        prevBlank = false;
        continue;
      }
      closeHtml(li, false);
    } else if (leaf === CODE) {
      indent();
      if (allMatched && (indWidth >= 4 || indEnd >= text.length)) {
        prevBlank = indEnd >= text.length;
        continue;
      }
      listener?.code(leafFirst, li, false, false);
      leaf = NONE;
      sibling = SIB_OTHER;
    }

    // 3. New containers on this line (opened after deciding whether the old ones close).
    const paragraphTip = leaf === PARAGRAPH;
    let opened = 0;
    for (;;) {
      indent();
      if (indWidth >= 4) break;
      const p = indEnd;
      const ch = text.charCodeAt(p);
      if (ch >= 128 || PLAIN_ASCII[ch] === 1 || Number.isNaN(ch)) break;
      if (ch === 62 /* > */) {
        skipTo(p);
        pos++;
        col++;
        if (text.charCodeAt(pos) === 32) {
          pos++;
          col++;
        } else if (text.charCodeAt(pos) === 9) consume(1);
        oAt[opened] = p;
        oWidth[opened] = 1;
        oKind[opened] = QUOTE;
        oIndent[opened] = 0;
        oDef[opened++] = -1;
        continue;
      }
      if ((ch === 61 || ch === 45) && paragraphTip && !opened && allMatched && isSetextUnderline(text, p)) break;
      if ((ch === 42 || ch === 45 || ch === 95) && isThematicBreak(text, p)) break;
      const width = listMarkerWidth(text, p);
      if (width) {
        const emptyItem = isBlankFrom(text, p + width);
        // Only a paragraph of the container the item would open in (goldmark: same parent) keeps it out.
        if (paragraphTip && allMatched && !opened && (emptyItem || (marker.ordered && marker.start !== 1))) break;
        const markerCol = indWidth;
        skipTo(p);
        pos += width;
        col += width;
        let contentIndent: number;
        if (emptyItem) {
          contentIndent = markerCol + width + 1;
          pos = text.length;
        } else {
          indent();
          if (indWidth >= 5) {
            contentIndent = markerCol + width + 1;
            consume(1);
          } else {
            contentIndent = markerCol + width + indWidth;
            consume(indWidth);
          }
        }
        oAt[opened] = p;
        oWidth[opened] = width;
        oKind[opened] = ITEM;
        oIndent[opened] = contentIndent;
        oDef[opened++] = -1;
        continue;
      }
      // Unlike CommonMark blocks of its kind, goldmark's footnote definition interrupts a paragraph.
      if (ch === 91 /* [ */ && text.charCodeAt(p + 1) === 94 /* ^ */) {
        const label = footnoteDefinition(text.slice(p));
        if (label !== undefined) {
          skipTo(p);
          pos += label.length + 4;
          col += label.length + 4;
          definitions.push({ label, line: li, seq: seq++ });
          oAt[opened] = p;
          oWidth[opened] = label.length + 4;
          oKind[opened] = FOOTNOTE;
          oIndent[opened] = 4;
          oDef[opened++] = definitions.length - 1;
          continue;
        }
      }
      break;
    }

    // The opening loop ended with indent() at the cursor.
    const blank = indEnd >= text.length;

    // 4. A lazy continuation line keeps the paragraph and every container open.
    if (!allMatched && paragraphTip && !opened && !blank && isContinuationText(text, indEnd, indWidth)) {
      appendToParagraph(li, text, indEnd);
      prevBlank = false;
      continue;
    }
    if (!allMatched) closeContainers(matched);
    if (opened) {
      closeLeaf();
      for (let k = 0; k < opened; k++) {
        listener?.open(oKind[k]!, li, oAt[k]!, oWidth[k]!);
        cKind[depth] = oKind[k]!;
        cIndent[depth] = oIndent[k]!;
        cDef[depth++] = oDef[k]!;
      }
      sibling = SIB_NONE;
    }

    // 5. The leaf block this line is part of.
    if (blank) {
      if (leaf === PARAGRAPH) closeParagraph();
      prevBlank = true;
      continue;
    }
    if (indWidth >= 4) {
      if (leaf === PARAGRAPH) appendToParagraph(li, text, indEnd);
      else {
        closeLeaf();
        leaf = CODE;
        leafFirst = li;
      }
      prevBlank = false;
      continue;
    }
    const ch = text.charCodeAt(indEnd);
    const wasBlank = prevBlank;
    prevBlank = false;
    if (ch >= 128 || PLAIN_ASCII[ch] === 1) {
      if (leaf === PARAGRAPH) appendToParagraph(li, text, indEnd);
      else startParagraph(li, text, indEnd);
      continue;
    }
    const s = text.slice(indEnd);
    const startCol = indEnd;
    if (ch === 35 /* # */ && isAtx(s)) {
      closeLeaf();
      atx(li, s, startCol);
      continue;
    }
    if (ch === 96 /* ` */ || ch === 126 /* ~ */) {
      const f = FENCE_OPEN.exec(s);
      if (f && !(ch === 96 && f[2]!.includes('`'))) {
        closeLeaf();
        leaf = FENCE;
        leafFirst = li;
        fenceChar = f[1]![0]!;
        fenceLength = f[1]!.length;
        continue;
      }
    }
    if (ch === 60 /* < */) {
      const kind = htmlStart(s, leaf === PARAGRAPH);
      if (kind) {
        closeLeaf();
        leaf = HTML;
        htmlFirst = li;
        htmlLines = [s];
        htmlCols = [startCol];
        htmlEnd = kind.end;
        htmlUntilMarker = htmlEnd !== undefined;
        if (htmlEnd !== undefined && (typeof htmlEnd === 'string' ? s.slice(kind.skip).includes(htmlEnd) : htmlEnd.test(s))) closeHtml(li + 1, true);
        continue;
      }
    }
    if (leaf === PARAGRAPH && (ch === 61 || ch === 45) && isSetextUnderline(text, indEnd)) {
      if (setext(ch === 61 ? 1 : 2, li)) continue;
      // The paragraph was a table or only link definitions: goldmark tries the line again as a new block.
      closeParagraph();
      if (ch === 45) {
        sibling = SIB_RENDERS_ID;
        siblingHasId = false;
        continue;
      }
    }
    if ((ch === 42 || ch === 45 || ch === 95) && isThematicBreak(text, indEnd)) {
      closeLeaf();
      sibling = SIB_RENDERS_ID;
      siblingHasId = false;
      continue;
    }
    if (ch === 123 /* { */) {
      const line = em(s);
      const attrs = parseAttributeList(line, 0);
      if (attrs && isBlankFrom(line, attrs.end)) {
        closeLeaf();
        if (!wasBlank && sibling === SIB_RENDERS_ID && !siblingHasId && attrs.id !== undefined) {
          addId(attrs.id, li, startCol + line.indexOf(attrs.id), 'attribute');
          siblingHasId = true;
        }
        // The list itself becomes the block before any further list.
        sibling = SIB_OTHER;
        continue;
      }
    }
    if (leaf === PARAGRAPH) appendToParagraph(li, text, indEnd);
    else {
      closeLeaf();
      startParagraph(li, text, indEnd);
    }
  }
  curLine = lines.length;
  closeContainers(0);
  closeLeaf();
  return { headings, ids, definitions, references };

  function startParagraph(li: number, line: string, from: number): void {
    // One paragraph is open at a time: the closed one's object is used again.
    const p = spare ?? { first: 0, count: 0, cols: undefined, html: false, refs: false, seq: 0, definition: -1 };
    spare = undefined;
    p.first = li;
    p.count = 0;
    p.cols = undefined;
    p.html = false;
    p.refs = false;
    p.seq = seq++;
    p.definition = depth ? currentDefinition() : -1;
    para = p;
    leaf = PARAGRAPH;
    appendToParagraph(li, line, from);
  }

  /** A paragraph line, without its leading white space from `from` on. */
  function appendToParagraph(_li: number, line: string, from: number): void {
    let i = from;
    while (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9) i++;
    const p = para!;
    if (i && !p.cols) p.cols = new Array<number>(p.count).fill(0);
    p.cols?.push(i);
    p.count++;
    if (!p.html && line.includes('<', i)) p.html = true;
    if (footnotes && !p.refs && line.includes('[^', i)) p.refs = true;
  }

  function paragraphLines(p: Paragraph): string[] {
    const out: string[] = [];
    for (let k = 0; k < p.count; k++) {
      const c = p.cols?.[k] ?? 0;
      out.push(c ? lines[p.first + k]!.slice(c) : lines[p.first + k]!);
    }
    return out;
  }

  function paragraphCols(p: Paragraph): number[] {
    return p.cols ?? new Array<number>(p.count).fill(0);
  }

  /**
   * A setext underline under the open paragraph. Goldmark first applies its paragraph
   * transformers: leading link definitions go, and a table takes its rows; what stays above
   * the table is the heading. False when nothing stays.
   */
  function setext(depth: number, underline: number): boolean {
    const p = para!;
    const all = paragraphLines(p);
    const cols = paragraphCols(p);
    let first = 0;
    while (first < all.length && LINK_DEFINITION.test(all[first]!)) first++;
    const table = tableStart(all, first);
    const end = table < 0 ? all.length : table;
    if (end <= first) return false;
    para = undefined;
    leaf = NONE;
    listener?.paragraph(p.first, cols, { line: underline, depth });
    const body = all.slice(first, end).map(em);
    const lastLine = body[body.length - 1]!;
    const last = trailingAttributes(lastLine) ?? { text: lastLine, id: undefined };
    const joined = [...body.slice(0, -1), last.text];
    let unknown = false;
    for (let k = first; k < end; k++) if (marked(p.first + k)) unknown = true;
    headings.push({ depth, line: p.first + first, raw: last.text, text: joined.join(' ').trim(), explicitId: last.id, unknown, seq: p.seq });
    const html = joined.some((l) => l.includes('<'));
    const refs = joined.some((l) => l.includes('[^'));
    if (html || refs) scanText(joined, p.first + first, cols.slice(first, end), p.definition, refs);
    if (table >= 0 && (p.html || p.refs)) scanText(all.slice(table).map(em), p.first + table, cols.slice(table), p.definition, p.refs);
    sibling = SIB_OTHER;
    return true;
  }
}
