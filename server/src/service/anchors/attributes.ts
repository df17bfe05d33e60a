/**
 * Goldmark's attribute lists (`{#id .class key="value"}`), which the site enables for
 * headings (a trailing list) and, with `parser.attribute.block`, for blocks (a list alone
 * on the line after a paragraph, list, table, quote or rule). Only what decides anchors is
 * kept: whether the list parses, where it ends, and the last `id` it sets.
 */
export interface AttributeList {
  /** Index just past the closing `}`. */
  readonly end: number;
  /** The last `id` the list sets (`#x` or `id=…`), if it is text. */
  readonly id: string | undefined;
}

/** Parses a list starting at `pos` (spaces before `{` allowed), or undefined when it is not one. */
export function parseAttributeList(s: string, pos: number): AttributeList | undefined {
  let i = skipSpaces(s, pos);
  if (s[i] !== '{') return undefined;
  i++;
  let id: string | undefined;
  for (;;) {
    if (s[i] === '}') return { end: i + 1, id };
    i = skipSpaces(s, i);
    const c = s[i];
    if (c === '#' || c === '.') {
      const start = ++i;
      while (i < s.length && !isSpace(s[i]!) && (!isPunct(s[i]!) || '_-:.'.includes(s[i]!))) i++;
      if (c === '#') id = s.slice(start, i);
    } else {
      if (c === undefined || !/[A-Za-z_:]/.test(c)) return undefined;
      const start = i;
      while (i < s.length && /[A-Za-z0-9_:.-]/.test(s[i]!)) i++;
      const name = s.slice(start, i);
      i = skipSpaces(s, i);
      if (s[i] !== '=') return undefined;
      const value = parseValue(s, skipSpaces(s, i + 1));
      if (!value) return undefined;
      i = value.end;
      if (name === 'id') id = value.text;
    }
    i = skipSpaces(s, i);
    if (s[i] === ',') i = skipSpaces(s, i + 1);
  }
}

/**
 * The trailing attribute list of a heading's last line, as goldmark finds it: every
 * unescaped `{` is tried and the last try decides; it counts only when nothing but blanks
 * follows it. Returns the heading text without the list, or undefined when there is none.
 */
export function trailingAttributes(line: string): { text: string; id: string | undefined } | undefined {
  if (line.indexOf('{') < 0) return undefined;
  let last: { start: number; list: AttributeList | undefined } | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') {
      if (line[i + 1] === '{') i++;
      continue;
    }
    if (c === '{') last = { start: i, list: parseAttributeList(line, i) };
  }
  if (last?.list && isBlank(line.slice(last.list.end))) return { text: line.slice(0, last.start), id: last.list.id };
  return undefined;
}

function parseValue(s: string, i: number): { end: number; text: string | undefined } | undefined {
  const c = s[i];
  if (c === undefined) return undefined;
  if (c === '{') {
    const nested = parseAttributeList(s, i);
    return nested && { end: nested.end, text: undefined };
  }
  if (c === '[') {
    let j = skipSpaces(s, i + 1);
    if (s[j] === ']') return { end: j + 1, text: undefined };
    for (;;) {
      const v = parseValue(s, skipSpaces(s, j));
      if (!v) return undefined;
      j = skipSpaces(s, v.end);
      if (s[j] === ']') return { end: j + 1, text: undefined };
      if (s[j] !== ',') return undefined;
      j++;
    }
  }
  if (c === '"') {
    let out = '';
    for (let j = i + 1; j < s.length; j++) {
      const ch = s[j]!;
      if (ch === '"') return { end: j + 1, text: out };
      if (ch === '\\' && j + 1 < s.length) {
        const next = s[++j]!;
        out += ESCAPES[next] ?? next;
      } else out += ch;
    }
    return undefined;
  }
  if (c === '-' || c === '+' || (c >= '0' && c <= '9')) {
    const m = /^[-+]?[0-9]*\.?[0-9]*(?:[eE][-+]?[0-9]+)?/.exec(s.slice(i));
    return m && m[0].length ? { end: i + m[0].length, text: undefined } : undefined;
  }
  if (!/[A-Za-z_:]/.test(c)) return undefined;
  let j = i;
  while (j < s.length && /[A-Za-z0-9_:.-]/.test(s[j]!)) j++;
  const word = s.slice(i, j);
  return { end: j, text: word === 'true' || word === 'false' || word === 'null' ? undefined : word };
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function skipSpaces(s: string, i: number): number {
  while (i < s.length && isSpace(s[i]!)) i++;
  return i;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\v' || c === '\f';
}

function isPunct(c: string): boolean {
  return /^[!-/:-@[-`{-~]$/.test(c);
}

function isBlank(s: string): boolean {
  return /^[ \t\r\n\v\f]*$/.test(s);
}
