import { perLine } from '../model/memo';
import data from '../data/language.json';
import type { JobFamilyModel } from '../model/model';
import { lineTokens, type WordToken } from '../model/words';
import type { Rule } from './types';

const ALTERNATIVES = data.masculineAlternatives as Record<string, string>;

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

export interface CodedCounts {
  masculine: Map<string, number>;
  feminine: Map<string, number>;
}

/** The coded stems of one line's words, in order: from the line's text alone. */
function codedIn(tokens: readonly WordToken[]): readonly (readonly [string | undefined, string | undefined])[] {
  const out: (readonly [string | undefined, string | undefined])[] = [];
  for (const { lower } of tokens) {
    if (lower.length < 3) continue;
    const stems = stemsOf(lower);
    if (stems) out.push(stems);
  }
  return out;
}

/** Stands for the computation in the model's per-line memo. */
const CODED_IN_LINE = {};

/** Counts coded words in what a reader sees (headings and text; not code, URLs or markup). */
function countCodedWords(model: JobFamilyModel): CodedCounts {
  const masculine = new Map<string, number>();
  const feminine = new Map<string, number>();
  for (const p of model.prose) {
    for (const [ms, fs] of perLine(model, CODED_IN_LINE, p.text, () => codedIn(lineTokens(model, p)))) {
      if (ms) masculine.set(ms, (masculine.get(ms) ?? 0) + 1);
      if (fs) feminine.set(fs, (feminine.get(fs) ?? 0) + 1);
    }
  }
  return { masculine, feminine };
}

const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

export const genderCodedLanguage: Rule = {
  meta: {
    id: 'JF029',
    alias: 'gender-coded-language',
    description: 'The page does not use more masculine-coded than feminine-coded words.',
    severity: 'error',
    tags: ['ci', 'language'],
    fixable: false,
  },
  check(ctx) {
    const { model, family } = ctx;
    if (family.role === 'landing') return;
    const { masculine, feminine } = countCodedWords(model);
    const m = total(masculine);
    const f = total(feminine);
    if (m <= f) return;
    const top = [...masculine.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6);
    const list = top.map(([stem, n]) => `${stem}…${n > 1 ? ` ×${n}` : ''}`).join(', ');
    const hint = top.map(([stem]) => (ALTERNATIVES[stem] ? `"${stem}…" → ${ALTERNATIVES[stem]}` : undefined)).find(Boolean);
    ctx.report({
      range: model.titleRange,
      message: `The page uses more masculine-coded words (${m}: ${list}) than feminine-coded ones (${f}), which the handbook's inclusive-language check rejects: reword some${hint ? `, e.g. ${hint}` : ''}.`,
    });
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook's inclusive-language check fails a job family that "is using more
masculine-coded words than feminine-coded words". The word lists are those of the research
it follows (Gaucher, Friesen & Kay, 2011): stems such as *lead*, *analy*, *compet*,
*decision*, *driven* are masculine-coded; *collab*, *support*, *respon*, *trust*, *connect*
are feminine-coded. Every word of the page a reader sees counts: headings and text, not
code, URLs or markup.

The finding sits on the title and lists the masculine-coded words by frequency, with
alternatives for the common ones. Rewording a few usually restores the balance.`;
