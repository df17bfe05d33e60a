import { rawHtmlIds } from './html';

/**
 * What inline Markdown (a paragraph, a heading, table rows) adds to a page's anchors: the
 * ids of raw HTML that goldmark passes through (only well-formed CommonMark tags; one in a
 * code span or after a backslash is text) and footnote references `[^label]`.
 */
export function scanInline(text: string, onId: (id: string, offset: number) => void, onRef: ((label: string, offset: number) => void) | undefined): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) {
      i += isAsciiPunct(text.charCodeAt(i + 1)) ? 2 : 1;
    } else if (c === 96 /* ` */) {
      i = codeSpanEnd(text, i);
    } else if (c === 60 /* < */) {
      i = rawHtmlEnd(text, i, onId);
    } else if (c === 91 /* [ */ && text.charCodeAt(i + 1) === 94 /* ^ */ && onRef) {
      const close = footnoteLabelEnd(text, i + 2);
      if (close > i + 2) onRef(text.slice(i + 2, close), i);
      i += 2;
    } else i++;
    const next = nextSpecial(text, i);
    i = next < 0 ? n : next;
  }
}

const SPECIAL = /[\\`<[]/g;

function nextSpecial(text: string, from: number): number {
  SPECIAL.lastIndex = from;
  const m = SPECIAL.exec(text);
  return m ? m.index : -1;
}

/** Past a code span starting at `i`, or past its opening backticks when nothing closes it. */
function codeSpanEnd(text: string, i: number): number {
  let j = i;
  while (text.charCodeAt(j) === 96) j++;
  const run = j - i;
  for (;;) {
    const k = text.indexOf('`', j);
    if (k < 0) return i + run;
    let e = k;
    while (text.charCodeAt(e) === 96) e++;
    if (e - k === run) return e;
    j = e;
  }
}

// CommonMark raw HTML (goldmark's inline rule): tags, comments, processing instructions, declarations, CDATA.
const OPEN_TAG = /<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const CLOSE_TAG = /<\/[A-Za-z][A-Za-z0-9-]*\s*>/y;
const COMMENT = /<!---->|<!--(?:-?[^>-])(?:-?[^-])*-->/y;
const PROCESSING = /<\?[\s\S]*?\?>/y;
const DECLARATION = /<![A-Za-z]+\s+[^>]*>/y;
const CDATA = /<!\[CDATA\[[\s\S]*?\]\]>/y;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;

function rawHtmlEnd(text: string, i: number, onId: (id: string, offset: number) => void): number {
  const open = matchAt(OPEN_TAG, text, i);
  if (open) {
    rawHtmlIds(text, onId, i, open);
    return open;
  }
  return matchAt(AUTOLINK, text, i) || matchAt(CLOSE_TAG, text, i) || matchAt(COMMENT, text, i) || matchAt(PROCESSING, text, i) || matchAt(DECLARATION, text, i) || matchAt(CDATA, text, i) || i + 1;
}

function matchAt(re: RegExp, text: string, i: number): number {
  re.lastIndex = i;
  return re.test(text) ? re.lastIndex : 0;
}

/** Goldmark's footnote label: up to the first unescaped `]` on the line; a `[` first means none. */
function footnoteLabelEnd(text: string, start: number): number {
  for (let j = start; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 && isAsciiPunct(text.charCodeAt(j + 1))) j++;
    else if (c === 93 /* ] */) return j;
    else if (c === 91 /* [ */ || c === 10) return -1;
  }
  return -1;
}

export function isAsciiPunct(c: number): boolean {
  return (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126);
}
