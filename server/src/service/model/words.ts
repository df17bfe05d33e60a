import type { JobFamilyModel, ProseLine } from './model';

/** One word a reader sees, with where it is. */
export interface Word {
  readonly prose: ProseLine;
  /** Column in the source line. */
  readonly col: number;
  readonly text: string;
  /** Lower case, with `’` written `'`. */
  readonly lower: string;
}

const WORD = /[A-Za-z][A-Za-z'’-]*/g;
/** `'`, `’` and `-`. */
const TRAILING = new Set([39, 8217, 45]);
const cache = new WeakMap<JobFamilyModel, readonly Word[]>();

/**
 * The words of the page's prose, read once per model and shared by every language rule
 * (pronouns, coded words, vacancy wording), instead of each rule running its own patterns
 * over every line.
 */
export function wordsOf(model: JobFamilyModel): readonly Word[] {
  let words = cache.get(model);
  if (!words) {
    const out: Word[] = [];
    for (const p of model.prose) {
      // Lower case and the typographic apostrophe are settled once per line, not per word.
      const lowerLine = p.text.toLowerCase().replace(/’/g, "'");
      WORD.lastIndex = 0;
      for (let m = WORD.exec(p.text); m; m = WORD.exec(p.text)) {
        let end = m.index + m[0].length;
        // Trailing apostrophes and hyphens are punctuation ("teams'", "well-").
        while (end > m.index + 1 && TRAILING.has(p.text.charCodeAt(end - 1))) end--;
        out.push({ prose: p, col: p.col + m.index, text: p.text.slice(m.index, end), lower: lowerLine.slice(m.index, end) });
      }
    }
    words = out;
    cache.set(model, words);
  }
  return words;
}

/**
 * Where a phrase of several words starts, for every phrase of a list: the words must follow
 * each other on one line with only spaces between.
 */
export class PhraseMatcher {
  readonly #byFirst = new Map<string, { words: readonly string[]; phrase: string }[]>();

  constructor(phrases: readonly string[]) {
    for (const phrase of phrases) {
      const words = phrase.toLowerCase().replace(/’/g, "'").match(/[a-z][a-z'-]*/g) ?? [];
      if (!words.length) continue;
      const list = this.#byFirst.get(words[0]!) ?? [];
      list.push({ words, phrase });
      this.#byFirst.set(words[0]!, list);
    }
  }

  /** The phrase that starts at `words[i]`, and how many words it spans, or undefined. */
  at(words: readonly Word[], i: number): { phrase: string; length: number } | undefined {
    const options = this.#byFirst.get(words[i]!.lower);
    if (!options) return undefined;
    for (const o of options) {
      let ok = true;
      for (let k = 1; k < o.words.length && ok; k++) {
        const w = words[i + k];
        const prev = words[i + k - 1]!;
        ok = w !== undefined && w.prose === prev.prose && w.lower === o.words[k] && /^\s+$/.test(w.prose.text.slice(prev.col - w.prose.col + prev.text.length, w.col - w.prose.col));
      }
      if (ok) return { phrase: o.phrase, length: o.words.length };
    }
    return undefined;
  }
}
