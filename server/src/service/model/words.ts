import type { JobFamilyModel, ProseLine } from './model';

/** A word of one line, where it starts in the line's text: the same for every version that has the line. */
export interface WordToken {
  readonly offset: number;
  readonly text: string;
  readonly lower: string;
}

const WORD = /[A-Za-z][A-Za-z'’-]*/g;
/** `'`, `’` and `-`. */
const TRAILING = new Set([39, 8217, 45]);

function tokensOf(line: string): readonly WordToken[] {
  const out: WordToken[] = [];
  // Lower case and the typographic apostrophe are settled once per line, not per word.
  const lowerLine = line.toLowerCase().replace(/’/g, "'");
  WORD.lastIndex = 0;
  for (let m = WORD.exec(line); m; m = WORD.exec(line)) {
    let end = m.index + m[0].length;
    // Trailing apostrophes and hyphens are punctuation ("teams'", "well-").
    while (end > m.index + 1 && TRAILING.has(line.charCodeAt(end - 1))) end--;
    out.push({ offset: m.index, text: line.slice(m.index, end), lower: lowerLine.slice(m.index, end) });
  }
  return out;
}

/**
 * The words of one prose line, read from the line's text alone and shared by every language
 * rule (pronouns, coded words, vacancy wording), instead of each rule running its own
 * patterns over every line. A line the last version of the document had is not read again.
 */
export function lineTokens(model: JobFamilyModel, prose: ProseLine): readonly WordToken[] {
  return model.memo ? model.memo.words.get(prose.text, tokensOf) : tokensOf(prose.text);
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

  /** The phrase that starts at `words[i]` of the line `line`, and how many words it spans, or undefined. */
  at(words: readonly WordToken[], i: number, line: string): { phrase: string; length: number } | undefined {
    const options = this.#byFirst.get(words[i]!.lower);
    if (!options) return undefined;
    for (const o of options) {
      let ok = true;
      for (let k = 1; k < o.words.length && ok; k++) {
        const w = words[i + k];
        const prev = words[i + k - 1]!;
        ok = w !== undefined && w.lower === o.words[k] && /^\s+$/.test(line.slice(prev.offset + prev.text.length, w.offset));
      }
      if (ok) return { phrase: o.phrase, length: o.words.length };
    }
    return undefined;
  }
}
