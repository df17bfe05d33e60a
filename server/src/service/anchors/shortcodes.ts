import data from '../data/shortcodes.json';
import { emojify } from './emoji';

/**
 * Hugo runs shortcodes before goldmark sees the page. This does the same, with what is known
 * of each shortcode (data/shortcodes.json): `{{% wrapper %}}…{{% /wrapper %}}` leaves its
 * inner Markdown in the page; `{{% include "…" %}}` inserts the file when it can be read;
 * `{{< … >}}` (with its inner text) becomes one opaque token, as Hugo's placeholder is; a
 * shortcode commented out inside its delimiters (the escaped form) is text. It runs over the whole body, code blocks and comments included,
 * as Hugo does. Emoji codes are replaced in page text only (not in shortcode arguments or
 * output), as Hugo's lexer does.
 */
type ShortcodeKind = 'wrapper' | 'include' | 'anchor' | 'anchors' | 'none';

interface ShortcodeInfo {
  readonly kind: ShortcodeKind;
  readonly ids?: readonly string[];
}

const SHORTCODES: ReadonlyMap<string, ShortcodeInfo> = new Map(Object.entries(data.shortcodes as Record<string, ShortcodeInfo>));

export interface Expanded {
  /** The body as goldmark gets it. */
  readonly lines: string[];
  /** The body line each line comes from. */
  readonly sourceLine: readonly number[];
  /** Lines that hold shortcode output other than a wrapper's inner text. */
  readonly marked: ReadonlySet<number>;
  readonly includes: string[];
  /** Why some anchors of the page cannot be known; empty when all can. */
  readonly open: string[];
  /** Ids a template always writes, with the body line of its call. */
  readonly ids: { readonly id: string; readonly line: number }[];
}

interface Tag {
  readonly start: number;
  readonly end: number;
  readonly delim: '<' | '%';
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** An escaped (commented-out) shortcode: the text Hugo writes instead. */
  readonly escaped: string | undefined;
  readonly args: string;
  pair?: Tag;
}

/** Starts of shortcode tags. */
const OPEN = /\{\{[<%]/g;

export function hasShortcodes(text: string): boolean {
  return text.includes('{{<') || text.includes('{{%');
}

export function expandShortcodes(body: string, readInclude?: (path: string) => string | undefined): Expanded {
  const tags = parseTags(body);
  const lines: string[] = [];
  const sourceLine: number[] = [];
  const marked = new Set<number>();
  const includes: string[] = [];
  const open: string[] = [];
  const ids: { id: string; line: number }[] = [];
  const reason = (r: string): void => {
    if (!open.includes(r)) open.push(r);
  };

  let cur = '';
  let curSource = 0;
  // Source line of `pos`, counted forward: text is emitted in increasing positions.
  let linePos = 0;
  let lineNo = 0;
  const lineAt = (p: number): number => {
    for (let nl = body.indexOf('\n', linePos); nl >= 0 && nl < p; nl = body.indexOf('\n', nl + 1)) {
      lineNo++;
      linePos = nl + 1;
    }
    if (linePos < p) linePos = p;
    return lineNo;
  };

  const emitText = (a: number, b: number): void => {
    if (a >= b) return;
    let line = lineAt(a);
    const piece = body.slice(a, b);
    let from = 0;
    for (let nl = piece.indexOf('\n'); nl >= 0; nl = piece.indexOf('\n', from)) {
      cur += emojify(piece.slice(from, nl));
      lines.push(cur);
      sourceLine.push(curSource);
      cur = '';
      curSource = ++line;
      from = nl + 1;
    }
    cur += emojify(piece.slice(from));
  };

  const emitOutput = (text: string, line: number, mark: boolean): void => {
    const parts = text.split('\n');
    parts.forEach((part, k) => {
      if (k > 0) {
        lines.push(cur);
        sourceLine.push(curSource);
        cur = '';
        curSource = line;
      }
      cur += part;
      if (mark) marked.add(lines.length);
    });
  };

  let ti = 0;
  let placeholders = 0;
  const emit = (from: number, to: number): void => {
    let cursor = from;
    for (;;) {
      while (ti < tags.length && tags[ti]!.start < cursor) ti++;
      const t = tags[ti];
      if (!t || t.start >= to) break;
      ti++;
      emitText(cursor, t.start);
      const line = lineAt(t.start);
      cursor = t.pair ? t.pair.end : t.end;
      if (t.escaped !== undefined) {
        emitOutput(t.escaped, line, false);
        continue;
      }
      if (t.closing) continue; // a closing tag without its opening: Hugo fails the build
      const info = SHORTCODES.get(t.name);
      for (const id of info?.ids ?? []) ids.push({ id, line });
      if (info?.kind === 'anchor') {
        const id = firstArgument(t.args);
        if (id) ids.push({ id, line });
      }
      if (!info) reason(`shortcode "${t.name}" is not known`);
      else if (info.kind === 'anchors') reason(`shortcode "${t.name}" writes headings or ids from data`);
      if (t.delim === '<') {
        // The inner text reaches the template as-is: whether it becomes Markdown is the template's business.
        if (t.pair && ANCHOR_LIKE.test(body.slice(t.end, t.pair.start))) reason(`the text inside {{< ${t.name} >}} may have headings`);
        emitOutput(`HAHAHUGOSHORTCODE${placeholders++}HBHB`, line, true);
        continue;
      }
      if (t.pair) {
        if (info && info.kind !== 'wrapper') reason(`shortcode "${t.name}" gets inner text`);
        emit(t.end, t.pair.start);
        continue;
      }
      if (info?.kind === 'include') {
        const path = firstArgument(t.args);
        if (path) includes.push(path);
        const included = path !== undefined ? readInclude?.(path) : undefined;
        if (included === undefined) {
          reason(`included file ${path ? `"${path}" ` : ''}is not read`);
          marked.add(lines.length);
        } else {
          if (included.includes('{{<') || included.includes('{{%')) reason(`included file "${path ?? ''}" has shortcodes`);
          emitOutput(included.replace(/\r\n?/g, '\n'), line, false);
        }
        continue;
      }
      if (info?.kind !== 'wrapper') marked.add(lines.length);
    }
    emitText(cursor, to);
  };
  emit(0, body.length);
  lines.push(cur);
  sourceLine.push(curSource);
  return { lines, sourceLine, marked, includes, open, ids };
}

const ANCHOR_LIKE = /^ {0,3}#{1,6}(?:[ \t]|$)|^ {0,3}(?:=+|-+)[ \t]*$|\b(?:id|name)\s*=|\{#|\[\^/m;

function parseTags(body: string): Tag[] {
  const tags: Tag[] = [];
  const scan = new TagScan(body);
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(body); m; m = OPEN.exec(body)) {
    const t = scan.tag(m.index);
    if (t) {
      tags.push(t);
      OPEN.lastIndex = t.end;
    }
  }
  // Pair each closing tag with the nearest open tag of its name; tags left open have no inner text.
  const stack: Tag[] = [];
  for (const t of tags) {
    if (t.escaped !== undefined || t.selfClosing) continue;
    if (!t.closing) {
      stack.push(t);
      continue;
    }
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.name === t.name && stack[k]!.delim === t.delim) {
        stack[k]!.pair = t;
        stack.length = k;
        break;
      }
    }
  }
  return tags;
}

/**
 * Reads shortcode tags. A tag that is never closed is read to the end of the page, as Hugo's
 * lexer does. After the first such tag, where each position's arguments end is worked out
 * for the whole page in one backward pass, so a page full of unclosed `{{<` costs linear time,
 * not one read to the end per tag.
 */
class TagScan {
  private readonly ends: { '<'?: Int32Array; '%'?: Int32Array } = {};
  private failedOnce = false;
  private noCommentEnd = { '<': false, '%': false };

  constructor(private readonly body: string) {}

  tag(start: number): Tag | undefined {
    const body = this.body;
    const delim = body[start + 2] as '<' | '%';
    const close = delim === '<' ? '>}}' : '%}}';
    let i = start + 3;
    if (body.startsWith('/*', i)) {
      if (this.noCommentEnd[delim]) return undefined;
      const end = body.indexOf(`*/${close}`, i + 2);
      if (end < 0) {
        this.noCommentEnd[delim] = true;
        return undefined;
      }
      return { start, end: end + 4, delim, name: '', closing: false, selfClosing: false, escaped: `{{${delim}${body.slice(i + 2, end)}${close}`, args: '' };
    }
    while (i < body.length && /\s/.test(body[i]!)) i++;
    const closing = body[i] === '/';
    if (closing) {
      i++;
      while (i < body.length && /\s/.test(body[i]!)) i++;
    }
    const nameStart = i;
    while (i < body.length && /[\w./-]/.test(body[i]!) && !body.startsWith(`/${close}`, i)) i++;
    const name = body.slice(nameStart, i);
    if (!name) return undefined;
    const argsStart = i;
    const end = this.failedOnce ? this.argsEnd(delim)[argsStart]! : this.readArgs(argsStart, close);
    if (end < 0) {
      this.failedOnce = true;
      return undefined;
    }
    const args = body.slice(argsStart, end).trim();
    const selfClosing = args.endsWith('/');
    return { start, end: end + 3, delim, name, closing, selfClosing, escaped: undefined, args: selfClosing ? args.slice(0, -1) : args };
  }

  /** Where the arguments from `i` end (the closing delimiter), skipping quoted strings; -1 when they never do. */
  private readArgs(i: number, close: string): number {
    const body = this.body;
    while (i < body.length) {
      const c = body[i]!;
      if (c === '"') {
        i++;
        while (i < body.length && body[i] !== '"') i += body[i] === '\\' ? 2 : 1;
        i++;
      } else if (c === '`') {
        const end = body.indexOf('`', i + 1);
        i = end < 0 ? body.length : end + 1;
      } else if (body.startsWith(close, i)) return i;
      else i++;
    }
    return -1;
  }

  /** `readArgs` for every position at once, by one backward pass. */
  private argsEnd(delim: '<' | '%'): Int32Array {
    const cached = this.ends[delim];
    if (cached) return cached;
    const body = this.body;
    const n = body.length;
    const close = delim === '<' ? '>}}' : '%}}';
    // afterQuote[i]: reading a "…" string from inside it at i, the position after its closing quote (n + 1 when none).
    const afterQuote = new Int32Array(n + 2).fill(n + 1);
    // tick[i]: the next backtick at or after i, or -1.
    const tick = new Int32Array(n + 1).fill(-1);
    const end = new Int32Array(n + 1).fill(-1);
    for (let i = n - 1; i >= 0; i--) {
      const c = body[i];
      afterQuote[i] = c === '"' ? i + 1 : c === '\\' ? (i + 2 < n ? afterQuote[i + 2]! : n + 1) : afterQuote[i + 1]!;
      tick[i] = c === '`' ? i : tick[i + 1]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      const c = body[i];
      if (c === '"') {
        const j = afterQuote[i + 1]!;
        end[i] = j < n ? end[j]! : -1;
      } else if (c === '`') {
        const e = tick[i + 1] ?? -1;
        end[i] = e >= 0 && e + 1 < n ? end[e + 1]! : -1;
      } else end[i] = body.startsWith(close, i) ? i : end[i + 1]!;
    }
    this.ends[delim] = end;
    return end;
  }
}

/** The first positional argument, unquoted. */
function firstArgument(args: string): string | undefined {
  const m = /^\s*(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|([^\s"`=]+)(?=\s|$))/.exec(args);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : (m[2] ?? m[3]);
}
