/**
 * Heading IDs exactly as Hugo's goldmark makes them with `autoHeadingIDType: github`.
 *
 * The ID comes from the heading's raw source (for a setext heading its last line): inline
 * HTML, entities, emphasis markers, backticks and link destinations all feed it. Hugo trims
 * Unicode white space, then keeps letters, decimal digits and `_` (lower-cased rune by
 * rune), turns each space and `-` into `-`, and drops everything else (tabs too).
 */
export function headingIdOf(raw: string): string {
  const s = raw.length && (isSpace(raw.charCodeAt(0)) || isSpace(raw.charCodeAt(raw.length - 1))) ? trimSpace(raw) : raw;
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = ASCII_KEPT[s.charCodeAt(i)] === 1;
  if (ascii) return s.toLowerCase().replaceAll(' ', '-');
  // Lower-casing the whole string is rune by rune but for U+0130 and a word-final sigma.
  const lower = CASE_SPECIAL.test(s) ? [...s].map(lowerRune).join('') : s.toLowerCase();
  return lower.replace(DROPPED, '').replaceAll(' ', '-');
}

const CASE_SPECIAL = /[\u0130\u03a3]/;
const DROPPED = /[^\p{L}\p{Nd}_\- ]/gu;

/** ASCII characters an ID keeps as they are (but for case and spaces): letters, digits, `_`, `-`, space. */
const ASCII_KEPT = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_KEPT[c] = /[A-Za-z0-9_\- ]/.test(String.fromCharCode(c)) ? 1 : 0;

/** Go's unicode.IsSpace, which Hugo's TrimSpace uses (JavaScript's `trim` differs: it strips U+FEFF and keeps U+0085). */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

function trimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

/** Go lower-cases one rune to one rune; JavaScript gives U+0130 two code points. */
function lowerRune(ch: string): string {
  if (ch === '\u0130') return 'i';
  const lower = ch.toLowerCase();
  return [...lower].length === 1 ? lower : ch;
}

/**
 * The IDs a page's headings have taken, as Hugo's ID factory keeps them: in document
 * order, an explicit `{#id}` is recorded as it is (never suffixed), and an automatic ID
 * that is taken gets `-1`, `-2`, … An empty automatic ID is `heading`.
 */
export class HeadingIds {
  readonly #taken = new Set<string>();
  /** Per base, the suffix to try next: every lower one is taken, and names are never given back. */
  readonly #next = new Map<string, number>();

  /** An explicit ID: it takes its name as written, even when that name is taken. */
  put(id: string): string {
    this.#taken.add(id);
    return id;
  }

  generate(raw: string): string {
    const base = headingIdOf(raw) || 'heading';
    let id = base;
    let n = this.#next.get(base) ?? 1;
    if (this.#taken.has(id)) {
      for (id = `${base}-${n}`; this.#taken.has(id); ) id = `${base}-${++n}`;
      this.#next.set(base, n + 1);
    }
    this.#taken.add(id);
    return id;
  }
}
