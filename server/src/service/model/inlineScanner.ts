/**
 * Scans one line of inline Markdown for the spans the model needs, with their columns:
 * code spans, links (including Hugo `ref` shortcode destinations, which CommonMark
 * parsers reject because of the spaces), shortcodes, HTML comments and HTML ids.
 * Offsets are UTF-16 columns into the line, as LSP counts them.
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

const HTML_ID = /<(?:a|span|div|p|section|h[1-6])\b[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["'][^>]*>/gi;

export function scanInline(line: string, references: ReferenceLookup): ScannedLine {
  const codeSpans: RawSpan[] = [];
  const links: RawLink[] = [];
  const malformed: RawProblem[] = [];
  const shortcodes: (RawSpan & { name: string })[] = [];
  const comments: RawSpan[] = [];
  const htmlIds: RawSpan[] = [];
  const blank: [number, number][] = [];

  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = codeSpanEnd(line, i);
      if (end > 0) {
        codeSpans.push({ start: i, end, text: line.slice(i, end) });
        blank.push([i, end]);
        i = end;
        continue;
      }
      i += runLength(line, i, '`');
      continue;
    }
    if (ch === '<' && line.startsWith('<!--', i)) {
      const close = line.indexOf('-->', i + 4);
      const end = close < 0 ? line.length : close + 3;
      comments.push({ start: i, end, text: line.slice(i, end) });
      blank.push([i, end]);
      i = end;
      continue;
    }
    if (ch === '<') {
      const auto = /^<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/i.exec(line.slice(i));
      if (auto && auto[1]) {
        links.push({ start: i, end: i + auto[0].length, text: auto[1], textStart: i + 1, target: auto[1], targetStart: i + 1, image: false });
        blank.push([i, i + auto[0].length]);
        i += auto[0].length;
        continue;
      }
      const tag = /^<\/?[a-z][a-z0-9-]*\b[^>]*>/i.exec(line.slice(i));
      if (tag) {
        HTML_ID.lastIndex = 0;
        const id = HTML_ID.exec(tag[0]);
        if (id && id[1]) htmlIds.push({ start: i + tag[0].indexOf(id[1]), end: i + tag[0].indexOf(id[1]) + id[1].length, text: id[1] });
        const href = /\bhref\s*=\s*["']([^"']*)["']/i.exec(tag[0]);
        if (href && href[1] !== undefined && /^<a\b/i.test(tag[0])) {
          const at = i + tag[0].indexOf(href[1], href.index);
          links.push({ start: i, end: i + tag[0].length, text: '', textStart: i + tag[0].length, target: href[1], targetStart: at, image: false });
        }
        blank.push([i, i + tag[0].length]);
        i += tag[0].length;
        continue;
      }
    }
    if (ch === '{' && line.startsWith('{{', i)) {
      const sc = /^\{\{([<%])(?:\/\*)?\s*(\/?[\w./-]+)[^]*?(?:\*\/)?[>%]\}\}/.exec(line.slice(i));
      if (sc && sc[2]) {
        shortcodes.push({ start: i, end: i + sc[0].length, text: sc[0], name: sc[2] });
        blank.push([i, i + sc[0].length]);
        i += sc[0].length;
        continue;
      }
    }
    if (ch === '[' || (ch === '!' && line[i + 1] === '[')) {
      const image = ch === '!';
      const open = image ? i + 1 : i;
      const close = matchBracket(line, open);
      if (close > 0) {
        const text = line.slice(open + 1, close);
        const after = line[close + 1];
        if (after === '(') {
          const dest = parseDestination(line, close + 2);
          if (dest.ok) {
            links.push({ start: i, end: dest.end, text, textStart: open + 1, target: dest.target, targetStart: dest.targetStart, image });
            blank.push([close, dest.end]);
            maskCodeSpans(open + 1, close);
            i = dest.end;
            continue;
          }
          malformed.push({ start: i, end: dest.end, reason: dest.reason, text: line.slice(i, dest.end) });
          i = close + 1;
          continue;
        }
        if (after === ' ' && line[close + 2] === '(' && /^\(\s*(?:\/|#|https?:|\{\{)[^)\s]*\)/.test(line.slice(close + 2))) {
          const end = line.indexOf(')', close + 2) + 1;
          malformed.push({ start: i, end, reason: 'space-before-paren', text: line.slice(i, end) });
          i = end;
          continue;
        }
        if (after === '[') {
          const refClose = line.indexOf(']', close + 2);
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
      if (line[k] === '`') {
        const end = codeSpanEnd(line, k);
        if (end > 0 && end <= to) {
          codeSpans.push({ start: k, end, text: line.slice(k, end) });
          blank.push([k, end]);
          k = end - 1;
        }
      }
    }
  }

  let prose = line;
  if (blank.length) {
    const chars = line.split('');
    for (const [s, e] of blank) for (let k = s; k < e && k < chars.length; k++) chars[k] = ' ';
    prose = chars.join('');
  }
  // Link brackets are punctuation, not words.
  prose = prose.replace(/[[\]]/g, ' ');
  return { codeSpans, links, malformed, shortcodes, comments, htmlIds, prose };
}

function runLength(s: string, at: number, ch: string): number {
  let n = 0;
  while (s[at + n] === ch) n++;
  return n;
}

function codeSpanEnd(s: string, at: number): number {
  const n = runLength(s, at, '`');
  let k = at + n;
  while (k < s.length) {
    const next = s.indexOf('`', k);
    if (next < 0) return -1;
    const m = runLength(s, next, '`');
    if (m === n) return next + m;
    k = next + m;
  }
  return -1;
}

function matchBracket(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const c = s[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '`') {
      const end = codeSpanEnd(s, k);
      if (end > 0) {
        k = end - 1;
        continue;
      }
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return k;
    }
  }
  return -1;
}

type Destination =
  | { ok: true; target: string; targetStart: number; end: number }
  | { ok: false; reason: 'unclosed' | 'space-in-destination'; end: number };

function parseDestination(s: string, from: number): Destination {
  let k = from;
  while (s[k] === ' ' || s[k] === '\t') k++;
  const targetStart = k;
  let targetEnd: number;
  if (s[k] === '<') {
    const close = s.indexOf('>', k);
    if (close < 0) return { ok: false, reason: 'unclosed', end: s.length };
    targetEnd = close + 1;
    k = close + 1;
  } else if (s.startsWith('{{', k)) {
    const close = s.indexOf('}}', k);
    if (close < 0) return { ok: false, reason: 'unclosed', end: s.length };
    k = close + 2;
    // A shortcode may be followed by more path text, rarely; take it up to the closing paren.
    while (k < s.length && s[k] !== ')' && s[k] !== ' ') k++;
    targetEnd = k;
  } else {
    let depth = 0;
    while (k < s.length) {
      const c = s[k];
      if (c === '\\') {
        k += 2;
        continue;
      }
      if (c === ' ' || c === '\t') break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      k++;
    }
    targetEnd = Math.min(k, s.length);
  }
  while (s[k] === ' ' || s[k] === '\t') k++;
  if (s[k] === '"' || s[k] === "'" || s[k] === '(') {
    const quote = s[k] === '(' ? ')' : s[k];
    const close = s.indexOf(quote as string, k + 1);
    if (close < 0) return { ok: false, reason: 'unclosed', end: s.length };
    k = close + 1;
    while (s[k] === ' ' || s[k] === '\t') k++;
  }
  if (s[k] === ')') {
    const target = s.slice(targetStart, targetEnd);
    const unwrapped = target.startsWith('<') && target.endsWith('>') ? target.slice(1, -1) : target;
    return { ok: true, target: unwrapped, targetStart: unwrapped === target ? targetStart : targetStart + 1, end: k + 1 };
  }
  const close = s.indexOf(')', k);
  if (close < 0) return { ok: false, reason: 'unclosed', end: s.length };
  return { ok: false, reason: 'space-in-destination', end: close + 1 };
}
