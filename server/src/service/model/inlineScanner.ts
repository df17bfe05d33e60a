/**
 * Scans one line of inline Markdown for the spans the model needs, with their columns:
 * code spans, links (including Hugo `ref` shortcode destinations, which CommonMark
 * parsers reject because of the spaces), shortcodes, HTML comments and HTML ids.
 * Offsets are UTF-16 columns into the line, as LSP counts them.
 *
 * Every scan is linear in the line: brackets and backtick runs are matched once up front,
 * and each construct stops where CommonMark says it cannot continue (a `<` inside an angle
 * destination, a `(` inside a parenthesised title, more than 32 nested parentheses), so a
 * line of thousands of unmatched `[` or `(` costs no more than reading it.
 */

export interface RawLink {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly textStart: number;
  /** The destination exactly as written (for reference links: the definition's). */
  readonly target: string;
  readonly targetStart: number;
  readonly image: boolean;
  readonly reference?: string;
  /** `<https://…>`: the destination is also the text, so rewriting it means rewriting the link. */
  readonly autolink?: boolean;
}

export interface RawProblem {
  readonly start: number;
  readonly end: number;
  readonly reason: 'space-before-paren' | 'unclosed' | 'space-in-destination';
  readonly text: string;
}

export interface RawSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ScannedLine {
  readonly codeSpans: readonly RawSpan[];
  readonly links: readonly RawLink[];
  readonly malformed: readonly RawProblem[];
  readonly shortcodes: readonly (RawSpan & { readonly name: string })[];
  readonly comments: readonly RawSpan[];
  readonly htmlIds: readonly RawSpan[];
  /** The line with code, link destinations, HTML and shortcodes blanked out: words a reader sees. */
  readonly prose: string;
}

export type ReferenceLookup = (label: string) => string | undefined;

/** A destination's parentheses nested deeper than this end it: CommonMark lets a parser bound them (cmark's bound is 32), and the bound keeps a hostile line cheap. */
const MAX_PAREN_DEPTH = 32;
/** Longer than any real link destination; bounds the work a hostile line can cause. */
const MAX_DESTINATION = 2048;
/** How far a malformed destination is looked at for its closing parenthesis. */
const MALFORMED_WINDOW = 300;
/** Problems and spans keep at most this much of their text. */
const MAX_SPAN_TEXT = 300;

const HTML_ID = /<(?:a|span|div|p|section|h[1-6])\b[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["'][^>]*>/di;
const HREF = /\bhref\s*=\s*["']([^"']*)["']/di;
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/iy;
const TAG = /<\/?[a-z][a-z0-9-]*\b[^<>]*>/iy;
const SHORTCODE = /\{\{([<%])(?:\/\*)?\s*(\/?[\w./-]+)(?:(?!\{\{)[^])*?(?:\*\/)?[>%]\}\}/y;
const SPACED_LINK = /\(\s*(?:\/|#|https?:|\{\{)[^)\s]*\)/y;

export function scanInline(line: string, references: ReferenceLookup): ScannedLine {
  const codeSpans: RawSpan[] = [];
  const links: RawLink[] = [];
  const malformed: RawProblem[] = [];
  const shortcodes: (RawSpan & { name: string })[] = [];
  const comments: RawSpan[] = [];
  const htmlIds: RawSpan[] = [];
  const blank: [number, number][] = [];
  const ticks: Ticks = line.includes('`') ? new BacktickRuns(line) : NO_TICKS;
  const brackets = matchBrackets(line, ticks);

  let i = 0;
  while (i < line.length) {
    const ch = line.charCodeAt(i);
    if (ch === 92 /* \ */) {
      i += 2;
      continue;
    }
    if (ch === 96 /* ` */) {
      const end = ticks.spanEnd(i);
      if (end > 0) {
        codeSpans.push({ start: i, end, text: line.slice(i, end) });
        blank.push([i, end]);
        i = end;
        continue;
      }
      i += ticks.runFrom(i);
      continue;
    }
    if (ch === 60 /* < */) {
      if (line.startsWith('<!--', i)) {
        const close = line.indexOf('-->', i + 4);
        const end = close < 0 ? line.length : close + 3;
        comments.push({ start: i, end, text: line.slice(i, end) });
        blank.push([i, end]);
        i = end;
        continue;
      }
      AUTOLINK.lastIndex = i;
      const auto = AUTOLINK.exec(line);
      if (auto && auto[1]) {
        links.push({ start: i, end: i + auto[0].length, text: auto[1], textStart: i + 1, target: auto[1], targetStart: i + 1, image: false, autolink: true });
        blank.push([i, i + auto[0].length]);
        i += auto[0].length;
        continue;
      }
      TAG.lastIndex = i;
      const tag = TAG.exec(line);
      if (tag) {
        const id = HTML_ID.exec(tag[0]);
        const idAt = id?.indices?.[1];
        if (id && id[1] && idAt) htmlIds.push({ start: i + idAt[0], end: i + idAt[1], text: id[1] });
        const href = HREF.exec(tag[0]);
        const hrefAt = href?.indices?.[1];
        if (href && href[1] !== undefined && hrefAt && /^<a\b/i.test(tag[0])) {
          const at = i + hrefAt[0];
          links.push({ start: i, end: i + tag[0].length, text: '', textStart: i + tag[0].length, target: href[1], targetStart: at, image: false });
        }
        blank.push([i, i + tag[0].length]);
        i += tag[0].length;
        continue;
      }
    }
    if (ch === 123 /* { */ && line.charCodeAt(i + 1) === 123) {
      SHORTCODE.lastIndex = i;
      const sc = SHORTCODE.exec(line);
      if (sc && sc[2]) {
        shortcodes.push({ start: i, end: i + sc[0].length, text: clip(sc[0]), name: sc[2] });
        blank.push([i, i + sc[0].length]);
        i += sc[0].length;
        continue;
      }
    }
    if (ch === 91 /* [ */ || (ch === 33 /* ! */ && line.charCodeAt(i + 1) === 91)) {
      const image = ch === 33;
      const open = image ? i + 1 : i;
      const close = brackets.length ? (brackets[open] ?? -1) : -1;
      if (close > 0) {
        const text = line.slice(open + 1, close);
        const after = line.charCodeAt(close + 1);
        if (after === 40 /* ( */) {
          const dest = parseDestination(line, close + 2);
          if (dest.ok) {
            links.push({ start: i, end: dest.end, text, textStart: open + 1, target: dest.target, targetStart: dest.targetStart, image });
            blank.push([close, dest.end]);
            maskCodeSpans(open + 1, close);
            i = dest.end;
            continue;
          }
          malformed.push({ start: i, end: dest.end, reason: dest.reason, text: clip(line.slice(i, dest.end)) });
          i = close + 1;
          continue;
        }
        if (after === 32 /* space */ && line.charCodeAt(close + 2) === 40) {
          SPACED_LINK.lastIndex = close + 2;
          const spaced = SPACED_LINK.exec(line);
          if (spaced) {
            const end = close + 2 + spaced[0].length;
            malformed.push({ start: i, end, reason: 'space-before-paren', text: clip(line.slice(i, end)) });
            i = end;
            continue;
          }
        }
        if (after === 91 /* [ */) {
          const refClose = brackets.length ? (brackets[close + 1] ?? -1) : -1;
          if (refClose > 0) {
            const label = line.slice(close + 2, refClose) || text;
            const href = references(label);
            if (href !== undefined) {
              links.push({ start: i, end: refClose + 1, text, textStart: open + 1, target: href, targetStart: -1, image, reference: label });
              i = refClose + 1;
              continue;
            }
          }
        } else if (!image) {
          const href = references(text);
          if (href !== undefined) {
            links.push({ start: i, end: close + 1, text, textStart: open + 1, target: href, targetStart: -1, image, reference: text });
            i = close + 1;
            continue;
          }
        }
      }
    }
    i++;
  }

  function maskCodeSpans(from: number, to: number): void {
    // Code spans inside link text still mask prose; links do not nest.
    for (let k = from; k < to; k++) {
      const c = line.charCodeAt(k);
      if (c === 92) {
        k++;
        continue;
      }
      if (c !== 96) continue;
      const end = ticks.spanEnd(k);
      if (end > 0 && end <= to) {
        codeSpans.push({ start: k, end, text: line.slice(k, end) });
        blank.push([k, end]);
        k = end - 1;
      } else {
        k += ticks.runFrom(k) - 1;
      }
    }
  }

  return { codeSpans, links, malformed, shortcodes, comments, htmlIds, prose: proseOf(line, blank) };
}

/** The line with the given spans blanked and link brackets turned into spaces (they are punctuation, not words). */
function proseOf(line: string, blank: readonly [number, number][]): string {
  if (!blank.length && line.indexOf('[') < 0 && line.indexOf(']') < 0) return line;
  const chars = line.split('');
  for (const [s, e] of blank) for (let k = s; k < e && k < chars.length; k++) chars[k] = ' ';
  for (let k = 0; k < chars.length; k++) if (chars[k] === '[' || chars[k] === ']') chars[k] = ' ';
  return chars.join('');
}

function clip(s: string): string {
  return s.length > MAX_SPAN_TEXT ? `${s.slice(0, MAX_SPAN_TEXT)}…` : s;
}

/**
 * The maximal runs of backticks of a line. A code span opened by a run closes at the next
 * run of the same length, which is found by binary search instead of rescanning the line.
 */
interface Ticks {
  runFrom(at: number): number;
  spanEnd(at: number): number;
}

/** A line without backticks has no code span. */
const NO_TICKS: Ticks = { runFrom: () => 1, spanEnd: () => -1 };

class BacktickRuns implements Ticks {
  /** End (exclusive) of the maximal run that covers each backtick position. */
  readonly #runEnd = new Map<number, number>();
  readonly #startsByLength = new Map<number, number[]>();

  constructor(line: string) {
    let k = line.indexOf('`');
    while (k >= 0) {
      let end = k;
      while (line.charCodeAt(end) === 96) end++;
      for (let p = k; p < end; p++) this.#runEnd.set(p, end);
      const list = this.#startsByLength.get(end - k);
      if (list) list.push(k);
      else this.#startsByLength.set(end - k, [k]);
      k = line.indexOf('`', end);
    }
  }

  /** Backticks from `at` to the end of its run. */
  runFrom(at: number): number {
    return (this.#runEnd.get(at) ?? at + 1) - at;
  }

  /** End of the code span opened at `at`, or -1 when no run of the same length follows. */
  spanEnd(at: number): number {
    const runEnd = this.#runEnd.get(at);
    if (runEnd === undefined) return -1;
    const length = runEnd - at;
    const starts = this.#startsByLength.get(length);
    if (!starts) return -1;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid]! < runEnd) lo = mid + 1;
      else hi = mid;
    }
    const closer = starts[lo];
    return closer === undefined ? -1 : closer + length;
  }
}

/** For each `[`, the `]` that closes it (nesting counted, escapes and code spans skipped); -1 when none. */
const NO_BRACKETS = new Int32Array(0);

function matchBrackets(line: string, ticks: Ticks): Int32Array {
  if (line.indexOf('[') < 0) return NO_BRACKETS;
  const match = new Int32Array(line.length).fill(-1);
  const stack: number[] = [];
  for (let k = 0; k < line.length; k++) {
    const c = line.charCodeAt(k);
    if (c === 92) {
      k++;
    } else if (c === 96) {
      const end = ticks.spanEnd(k);
      k = end > 0 ? end - 1 : k + ticks.runFrom(k) - 1;
    } else if (c === 91) {
      stack.push(k);
    } else if (c === 93) {
      const open = stack.pop();
      if (open !== undefined) match[open] = k;
    }
  }
  return match;
}

type Destination =
  | { ok: true; target: string; targetStart: number; end: number }
  | { ok: false; reason: 'unclosed' | 'space-in-destination'; end: number };

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function parseDestination(s: string, from: number): Destination {
  let k = from;
  while (isSpace(s.charCodeAt(k))) k++;
  const targetStart = k;
  let targetEnd: number;
  if (s.charCodeAt(k) === 60 /* < */) {
    // An angle destination ends at `>` and cannot hold another `<`.
    let close = -1;
    for (let p = k + 1; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === 92) {
        p++;
        continue;
      }
      if (c === 62) {
        close = p;
        break;
      }
      if (c === 60) break;
    }
    if (close < 0) return { ok: false, reason: 'unclosed', end: Math.min(s.length, k + 1) };
    targetEnd = close + 1;
    k = close + 1;
  } else if (s.startsWith('{{', k)) {
    const close = shortcodeClose(s, k);
    if (close < 0) return { ok: false, reason: 'unclosed', end: Math.min(s.length, k + 2) };
    k = close + 2;
    // A shortcode may be followed by more path text, rarely; take it up to the closing paren.
    const limit = Math.min(s.length, k + MAX_DESTINATION);
    while (k < limit && s[k] !== ')' && s[k] !== ' ') k++;
    targetEnd = k;
  } else {
    let depth = 0;
    const limit = Math.min(s.length, k + MAX_DESTINATION);
    while (k < limit) {
      const c = s.charCodeAt(k);
      if (c === 92) {
        k += 2;
        continue;
      }
      if (isSpace(c)) break;
      if (c === 40) {
        if (++depth > MAX_PAREN_DEPTH) return { ok: false, reason: 'unclosed', end: k };
      } else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      k++;
    }
    if (k >= limit && limit < s.length) return { ok: false, reason: 'unclosed', end: k };
    targetEnd = Math.min(k, s.length);
  }
  while (isSpace(s.charCodeAt(k))) k++;
  const q = s.charCodeAt(k);
  if (q === 34 || q === 39 || q === 40) {
    const close = titleClose(s, k);
    if (close < 0) return malformedEnd(s, k);
    k = close + 1;
    while (isSpace(s.charCodeAt(k))) k++;
  }
  if (s.charCodeAt(k) === 41) {
    const target = s.slice(targetStart, targetEnd);
    const unwrapped = target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
    return { ok: true, target: unwrapped, targetStart: unwrapped === target ? targetStart : targetStart + 1, end: k + 1 };
  }
  return malformedEnd(s, k);
}

/** A destination that did not close: a space in it when a `)` follows soon, otherwise unclosed. */
function malformedEnd(s: string, k: number): Destination {
  const window = s.slice(k, k + MALFORMED_WINDOW);
  const close = window.indexOf(')');
  if (close < 0) return { ok: false, reason: 'unclosed', end: Math.min(s.length, k) };
  return { ok: false, reason: 'space-in-destination', end: k + close + 1 };
}

/** The `}}` that ends a shortcode starting at `k`, stopping at another `{{`. */
function shortcodeClose(s: string, k: number): number {
  const close = s.indexOf('}}', k + 2);
  if (close < 0) return -1;
  const nested = s.indexOf('{{', k + 2);
  return nested >= 0 && nested < close ? -1 : close;
}

/** The closing quote of a link title at `k`; a parenthesised title cannot hold another `(`. */
function titleClose(s: string, k: number): number {
  const open = s.charCodeAt(k);
  const closing = open === 40 ? 41 : open;
  for (let p = k + 1; p < s.length; p++) {
    const c = s.charCodeAt(p);
    if (c === 92) {
      p++;
      continue;
    }
    if (c === closing) return p;
    if (open === 40 && c === 40) return -1;
  }
  return -1;
}
