import data from '../data/language.json';
import type { JobFamilyModel } from '../model/model';
import { lineLanguage } from './language';
import type { Rule } from './types';

const ALTERNATIVES = data.masculineAlternatives as Record<string, string>;

export interface CodedCounts {
  masculine: Map<string, number>;
  feminine: Map<string, number>;
}

/** Counts coded words in what a reader sees (headings and text; not code, URLs or markup). */
function countCodedWords(model: JobFamilyModel): CodedCounts {
  const masculine = new Map<string, number>();
  const feminine = new Map<string, number>();
  for (const p of model.prose) {
    for (const [ms, fs] of lineLanguage(model, p).coded) {
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
