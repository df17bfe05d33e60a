import data from '../data/language.json';
import { perLine } from '../model/memo';
import type { JobFamilyModel, ProseLine } from '../model/model';
import { PhraseMatcher, prefixOf, readWords } from '../model/words';

/**
 * What the language rules (vacancy wording, gendered pronouns, gender-coded words) need of
 * one prose line, found in one pass over its words and kept per line for the document's
 * next version: most lines have none of it, and those share one empty answer.
 */
export interface LineLanguage {
  /** Where a vacancy phrase ("you will") is written in the line's text. */
  readonly vacancy: readonly { readonly start: number; readonly end: number }[];
  /** The line has a gendered pronoun as a word: the pronoun rule reads it closely. */
  readonly pronoun: boolean;
  /** The masculine and feminine stems of the line's coded words, in order. */
  readonly coded: readonly (readonly [string | undefined, string | undefined])[];
}

const NOTHING: LineLanguage = { vacancy: [], pronoun: false, coded: [] };

const VACANCY_PHRASES = new PhraseMatcher(data.vacancyPhrases);
const PRONOUNS = new Set<string>(data.pronouns);

/** Stems by their first three letters, so a word is compared with a handful of stems, not all. */
function byPrefix(stems: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const s of stems) {
    const key = s.slice(0, 3);
    map.set(key, [...(map.get(key) ?? []), s]);
  }
  return map;
}

const MASCULINE = byPrefix(data.masculineCoded);
const FEMININE = byPrefix(data.feminineCoded);
const WHOLE = new Set(data.codedWholeWords);

function stemOf(word: string, stems: ReadonlyMap<string, readonly string[]>): string | undefined {
  return stems.get(word.slice(0, 3))?.find((s) => (WHOLE.has(s) ? word === s : word.startsWith(s)));
}

/** A word's masculine and feminine stems, or null for a word that has neither (most words). */
type Stems = readonly [string | undefined, string | undefined] | null;
/**
 * Pages share most of their words, so each word is matched against the stems once. Bounded:
 * past the limit it starts over rather than grow with every word of every page ever read.
 */
const stemsByWord = new Map<string, Stems>();
const MAX_REMEMBERED_WORDS = 50_000;

function stemsOf(word: string): Stems {
  let stems = stemsByWord.get(word);
  if (stems === undefined) {
    const m = stemOf(word, MASCULINE);
    const f = stemOf(word, FEMININE);
    stems = m || f ? [m, f] : null;
    if (stemsByWord.size >= MAX_REMEMBERED_WORDS) stemsByWord.clear();
    stemsByWord.set(word, stems);
  }
  return stems;
}

/** The prefix numbers of every word a language rule looks at: any other word is passed over unread. */
const CANDIDATES = new Set<number>([
  ...VACANCY_PHRASES.firstPrefixes,
  ...[...PRONOUNS, ...data.masculineCoded, ...data.feminineCoded].map(prefixOf),
]);

function readLanguage(line: string): LineLanguage {
  const words = readWords(line);
  let vacancy: { start: number; end: number }[] | undefined;
  let coded: (readonly [string | undefined, string | undefined])[] | undefined;
  let pronoun = false;
  /** Vacancy phrases do not overlap: the next one starts after the last one's words. */
  let phraseFrom = 0;
  for (let i = 0; i < words.count; i++) {
    if (!CANDIDATES.has(words.prefix(i))) continue;
    const word = words.lower(i);
    if (!pronoun && PRONOUNS.has(word)) pronoun = true;
    if (word.length >= 3) {
      const stems = stemsOf(word);
      if (stems) (coded ??= []).push(stems);
    }
    const hit = i >= phraseFrom ? VACANCY_PHRASES.at(words, i, line) : undefined;
    if (!hit) continue;
    (vacancy ??= []).push({ start: words.start[i]!, end: words.end[i + hit.length - 1]! });
    phraseFrom = i + hit.length;
  }
  if (!vacancy && !coded && !pronoun) return NOTHING;
  return { vacancy: vacancy ?? [], pronoun, coded: coded ?? [] };
}

/** Stands for the computation in the model's per-line memo. */
const LANGUAGE = {};

export function lineLanguage(model: JobFamilyModel, prose: ProseLine): LineLanguage {
  return perLine(model, LANGUAGE, prose.text, readLanguage);
}
