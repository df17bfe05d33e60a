import data from '../data/language.json';
import { range } from '../model/lines';
import { PhraseMatcher, wordsOf } from '../model/words';
import type { Rule } from './types';

const PHRASES = new PhraseMatcher(data.vacancyPhrases);

export const vacancyWording: Rule = {
  meta: {
    id: 'JF027',
    alias: 'vacancy-wording',
    description: 'The page does not read like a vacancy ("you will", "exciting opportunity", "we\'re hiring").',
    severity: 'warning',
    tags: ['language'],
    fixable: false,
  },
  check(ctx) {
    const words = wordsOf(ctx.model);
    for (let i = 0; i < words.length; i++) {
      const hit = PHRASES.at(words, i);
      if (!hit) continue;
      const first = words[i]!;
      const last = words[i + hit.length - 1]!;
      const line = first.prose.line;
      ctx.report({
        range: range(line, first.col, line, last.col + last.text.length),
        message: `"${first.prose.text.slice(first.col - first.prose.col, last.col - first.prose.col + last.text.length)}" reads like a job advert: describe what the role does instead.`,
      });
      i += hit.length - 1;
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The guide: "We don't allow them to read like a vacancy … The verbiage you don't want to use
includes phrases like 'you will', or 'exciting opportunity' or 'we're hiring for'." Job
families describe a role for career development and performance conversations; state
what the role does.

Checked phrases: ${data.vacancyPhrases.filter((p) => !p.includes('’')).map((p) => `"${p}"`).join(', ')}.

Bad: \`You will own the billing process.\`

Good: \`Owns the billing process.\``;
