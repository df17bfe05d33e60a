import { isAsciiLetter } from '../anchors/html';

/**
 * The words of one line: where each starts and ends in the line's text (plain numbers, no
 * object per word), and its lower-case form, made only when asked for.
 */
export class LineWords {
  readonly start: number[] = [];
  readonly end: number[] = [];
  #lowerLine: string | undefined;

  constructor(private readonly line: string) {}

  get count(): number {
    return this.start.length;
  }

  /** Word `k` in lower case, the typographic apostrophe made plain. */
  lower(k: number): string {
    // Settled once per line, not per word.
    this.#lowerLine ??= this.line.toLowerCase().replace(/’/g, "'");
    return this.#lowerLine.slice(this.start[k], this.end[k]);
  }

  /**
   * Word `k`'s first three characters (fewer for a shorter word) as one number, lower case,
   * the typographic apostrophe made plain: a set of these tells at once whether a word can
   * be one of a list, with no string made for it.
   */
  prefix(k: number): number {
    return prefixCode(this.line, this.start[k]!, this.end[k]!);
  }
}

/** The prefix number of a whole word, as `LineWords.prefix` gives it for the word in a line. */
export function prefixOf(word: string): number {
  return prefixCode(word, 0, word.length);
}

function prefixCode(text: string, start: number, end: number): number {
  const last = Math.min(end, start + 3);
  let code = 0;
  for (let i = start; i < start + 3; i++) code = code * 256 + (i < last ? foldCase(text.charCodeAt(i)) : 0);
  return code;
}

/** ASCII letters to lower case, the typographic apostrophe to `'`; the rest as it is (only `'` and `-` occur in words). */
function foldCase(c: number): number {
  if (c >= A && c <= Z) return c | 0x20;
  return c === TYPOGRAPHIC_APOSTROPHE ? APOSTROPHE : c & 0xff;
}

const A = 65;
const Z = 90;
const APOSTROPHE = 39;
const TYPOGRAPHIC_APOSTROPHE = 8217;
const HYPHEN = 45;

const isLetter = isAsciiLetter;
const isInner = (c: number): boolean => isLetter(c) || c === APOSTROPHE || c === TYPOGRAPHIC_APOSTROPHE || c === HYPHEN;

/**
 * A word is an ASCII letter followed by letters, apostrophes and hyphens; trailing
 * apostrophes and hyphens are punctuation ("teams'", "well-").
 */
export function readWords(line: string): LineWords {
  const words = new LineWords(line);
  const n = line.length;
  let i = 0;
  while (i < n) {
    if (!isLetter(line.charCodeAt(i))) {
      i++;
      continue;
    }
    const s = i;
    i++;
    while (i < n && isInner(line.charCodeAt(i))) i++;
    let e = i;
    while (e > s + 1 && !isLetter(line.charCodeAt(e - 1))) e--;
    words.start.push(s);
    words.end.push(e);
  }
  return words;
}

/**
 * Where a phrase of several words starts, for every phrase of a list: the words must follow
 * each other on one line with only spaces between.
 */
export class PhraseMatcher {
  readonly #byFirst = new Map<string, { words: readonly string[]; phrase: string }[]>();

  /** The prefix numbers (`LineWords.prefix`) of the phrases' first words. */
  readonly firstPrefixes = new Set<number>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const read = readWords(phrase);
      const words = read.start.map((_, k) => read.lower(k));
      if (!words.length) continue;
      const list = this.#byFirst.get(words[0]!) ?? [];
      list.push({ words, phrase });
      this.#byFirst.set(words[0]!, list);
      this.firstPrefixes.add(prefixOf(words[0]!));
    }
  }

  /** The phrase that starts at word `i` of the line `line`, and how many words it spans, or undefined. */
  at(words: LineWords, i: number, line: string): { phrase: string; length: number } | undefined {
    const options = this.#byFirst.get(words.lower(i));
    if (!options) return undefined;
    for (const o of options) {
      let ok = true;
      for (let k = 1; k < o.words.length && ok; k++) {
        const w = i + k;
        ok = w < words.count && words.lower(w) === o.words[k] && /^\s+$/.test(line.slice(words.end[w - 1], words.start[w]));
      }
      if (ok) return { phrase: o.phrase, length: o.words.length };
    }
    return undefined;
  }
}
