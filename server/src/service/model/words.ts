/**
 * The words of one line, as three parallel lists (fewer objects than one per word): where
 * each starts and ends in the line's text, and its lower-case form with the typographic
 * apostrophe made plain.
 */
export interface LineWords {
  readonly start: readonly number[];
  readonly end: readonly number[];
  readonly lower: readonly string[];
}

const A = 65;
const Z = 90;
const a = 97;
const z = 122;
const APOSTROPHE = 39;
const TYPOGRAPHIC_APOSTROPHE = 8217;
const HYPHEN = 45;

const isLetter = (c: number): boolean => (c >= a && c <= z) || (c >= A && c <= Z);
const isInner = (c: number): boolean => isLetter(c) || c === APOSTROPHE || c === TYPOGRAPHIC_APOSTROPHE || c === HYPHEN;

/**
 * A word is an ASCII letter followed by letters, apostrophes and hyphens; trailing
 * apostrophes and hyphens are punctuation ("teams'", "well-").
 */
export function readWords(line: string): LineWords {
  const start: number[] = [];
  const end: number[] = [];
  const lower: string[] = [];
  // Lower case and the typographic apostrophe are settled once per line, not per word.
  let lowerLine: string | undefined;
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
    lowerLine ??= line.toLowerCase().replace(/’/g, "'");
    start.push(s);
    end.push(e);
    lower.push(lowerLine.slice(s, e));
  }
  return { start, end, lower };
}

/**
 * Where a phrase of several words starts, for every phrase of a list: the words must follow
 * each other on one line with only spaces between.
 */
export class PhraseMatcher {
  readonly #byFirst = new Map<string, { words: readonly string[]; phrase: string }[]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = readWords(phrase).lower;
      if (!words.length) continue;
      const list = this.#byFirst.get(words[0]!) ?? [];
      list.push({ words, phrase });
      this.#byFirst.set(words[0]!, list);
    }
  }

  /** The phrase that starts at word `i` of the line `line`, and how many words it spans, or undefined. */
  at(words: LineWords, i: number, line: string): { phrase: string; length: number } | undefined {
    const options = this.#byFirst.get(words.lower[i]!);
    if (!options) return undefined;
    for (const o of options) {
      let ok = true;
      for (let k = 1; k < o.words.length && ok; k++) {
        const w = i + k;
        ok = w < words.lower.length && words.lower[w] === o.words[k] && onlySpaces(line, words.end[w - 1]!, words.start[w]!);
      }
      if (ok) return { phrase: o.phrase, length: o.words.length };
    }
    return undefined;
  }
}

function onlySpaces(line: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let k = from; k < to; k++) if (!/\s/.test(line[k]!)) return false;
  return true;
}
