import { parseAttributeList } from '../anchors/attributes';
import { isAsciiPunct } from '../anchors/inline';

/*
 * What a line (from a column on) can start, in goldmark's terms (CommonMark, GFM tables, the
 * site's attribute lists). Shared by the scanners of the page's blocks, so that headings, code and
 * HTML are the same blocks wherever they are looked at.
 */

export const TYPE1 = /^<(?:script|pre|style|textarea)(?:[\s>]|$)/i;
export const TYPE1_END = /<\/(?:script|pre|style|textarea)>/i;
export const TYPE6 =
  /^<\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|section|source|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul)(?:[\s>]|\/>|$)/i;
export const TYPE7 = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)\s*$/;
export const TYPE7_EXCLUDED = /^<\/?(?:script|style|pre|textarea)\b/i;
export const FENCE_OPEN = /^(`{3,}|~{3,})(.*)$/;
export const LINK_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.){1,999}\]:[ \t]*(?:<[^>\n]*>|\S+)(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
export const BLANK = /^[ \t]*$/;

/** First characters of a line that can only be paragraph text: letters, non-ASCII, and punctuation no block starts with. */
export const PLAIN_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) PLAIN_ASCII[c] = /[A-Za-z!"$%&'(),./:;?@\\^|}]/.test(String.fromCharCode(c)) ? 1 : 0;


/** Set by atxContent (one object, not one per heading): the id of `## Title ## {#id}`, and where the content starts. */
export const atxParts: { id: string | undefined; start: number } = { id: undefined, start: 0 };

/** Goldmark's ATX heading content: the special case `## Title ## {#id}`, then the closing sequence. */
export function atxContent(s: string, level: number): string {
  let start = level;
  while (s.charCodeAt(start) === 32 || s.charCodeAt(start) === 9) start++;
  let stop = s.length;
  while (stop > start && (s.charCodeAt(stop - 1) === 32 || s.charCodeAt(stop - 1) === 9)) stop--;
  atxParts.id = undefined;
  atxParts.start = start;
  if (stop <= start) return '';
  if (s.indexOf('{', start) >= 0) {
    let closeOpen = -1;
    let closeEnd = -1;
    for (let j = start - 1; j < stop; ) {
      const c = s.charCodeAt(j);
      if (c === 92 && j + 1 < s.length && isAsciiPunct(s.charCodeAt(j + 1))) j += 2;
      else if ((c === 32 || c === 9) && j < stop - 1 && s.charCodeAt(j + 1) === 35) {
        closeOpen = j + 1;
        let k = j + 1;
        while (k < stop && s.charCodeAt(k) === 35) k++;
        closeEnd = k;
        j = k;
      } else j++;
    }
    if (closeEnd > 0) {
      const attrs = parseAttributeList(s, closeEnd);
      if (attrs && isBlankFrom(s, attrs.end)) {
        atxParts.id = attrs.id;
        return s.slice(start, closeOpen);
      }
    }
  }
  let i = stop - 1;
  while (i >= start && s.charCodeAt(i) === 35) i--;
  if (i !== stop - 1 && i >= start && s.charCodeAt(i) !== 32 && s.charCodeAt(i) !== 9) i = stop - 1;
  if (i < start) return '';
  return start === 0 && i + 1 === s.length ? s : s.slice(start, i + 1);
}

export function isAtx(s: string): boolean {
  let n = 0;
  while (s.charCodeAt(n) === 35) n++;
  if (n < 1 || n > 6) return false;
  const c = s.charCodeAt(n);
  return Number.isNaN(c) || c === 32 || c === 9;
}

/** Set by listMarkerWidth: whether the marker is ordered, and its number. */
export const marker = { ordered: false, start: 0 };

/** The width of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `p` followed by a blank, or 0. */
export function listMarkerWidth(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === 45 || c === 43 || c === 42) {
    const next = text.charCodeAt(p + 1);
    marker.ordered = false;
    return Number.isNaN(next) || next === 32 || next === 9 ? 1 : 0;
  }
  let q = p;
  while (q - p < 9 && text.charCodeAt(q) >= 48 && text.charCodeAt(q) <= 57) q++;
  if (q === p) return 0;
  const d = text.charCodeAt(q);
  if (d !== 46 && d !== 41) return 0;
  const next = text.charCodeAt(q + 1);
  if (!(Number.isNaN(next) || next === 32 || next === 9)) return 0;
  marker.ordered = true;
  marker.start = Number(text.slice(p, q));
  return q + 1 - p;
}

/** Three or more `*`, `-` or `_` (the same one), with only blanks between and after. */
export function isThematicBreak(text: string, p: number): boolean {
  const m = text.charCodeAt(p);
  let n = 0;
  for (let i = p; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === m) n++;
    else if (c !== 32 && c !== 9) return false;
  }
  return n >= 3;
}

/** A run of `=` or of `-`, then only blanks. */
export function isSetextUnderline(text: string, p: number): boolean {
  const m = text.charCodeAt(p);
  let i = p;
  while (text.charCodeAt(i) === m) i++;
  return isBlankFrom(text, i);
}

export function isBlankFrom(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}

export function footnoteDefinition(s: string): string | undefined {
  const m = /^\[\^((?:[^\]\\[\n]|\\.)+)\]:/.exec(s);
  return m && m[1]!.trim() ? m[1] : undefined;
}

export function htmlStart(s: string, inParagraph: boolean): { end: RegExp | string | undefined; skip: number } | undefined {
  if (TYPE1.test(s)) return { end: TYPE1_END, skip: 0 };
  if (s.startsWith('<!--')) return { end: '-->', skip: 4 };
  if (s.startsWith('<?')) return { end: '?>', skip: 2 };
  if (s.startsWith('<![CDATA[')) return { end: ']]>', skip: 9 };
  if (/^<![A-Za-z]/.test(s)) return { end: '>', skip: 2 };
  if (TYPE6.test(s)) return { end: undefined, skip: 0 };
  if (!inParagraph && TYPE7.test(s) && !TYPE7_EXCLUDED.test(s)) return { end: undefined, skip: 0 };
  return undefined;
}

/** A line that, after an open paragraph, only continues it (it starts no other block). */
export function isContinuationText(text: string, end: number, width: number): boolean {
  if (width >= 4) return true;
  const s = text.slice(end);
  const c = s.charCodeAt(0);
  if (c === 35 && isAtx(s)) return false;
  if ((c === 96 || c === 126) && /^(?:`{3,}(?!.*`)|~{3,})/.test(s)) return false;
  if (c === 60 && htmlStart(s, true)) return false;
  if ((c === 42 || c === 45 || c === 95) && isThematicBreak(s, 0)) return false;
  if (c === 123) {
    const a = parseAttributeList(s, 0);
    if (a && BLANK.test(s.slice(a.end))) return false;
  }
  return true;
}

/** Where a GFM table starts in a paragraph (its header row: the row before a delimiter row with as many cells), or -1. */
export function tableStart(lines: readonly string[], from: number): number {
  for (let i = from + 1; i < lines.length; i++) {
    const d = lines[i]!;
    if (!d.includes('-') || !/^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/.test(d)) continue;
    if (!d.includes('|') && !lines[i - 1]!.includes('|')) continue;
    if (cellCount(d) === cellCount(lines[i - 1]!)) return i - 1;
  }
  return -1;
}

export function cellCount(row: string): number {
  let s = row.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  let n = 1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '|') n++;
  }
  return n;
}

