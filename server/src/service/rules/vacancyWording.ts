import data from '../data/language.json';
import { range } from '../model/lines';
import type { Rule } from './types';

const PHRASES = new RegExp(`(?<![\\w'’])(?:${data.vacancyPhrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w'’])`, 'gi');

export const vacancyWording: Rule = {
  meta: {
    id: 'JF027',
    alias: 'vacancy-wording',
    description: 'The page does not read like a vacancy ("you will", "exciting opportunity", "we\'re hiring").',
    severity: 'warning',
    tags: ['language'],
    fixable: false,
    docs: `The guide: "We don't allow them to read like a vacancy … The verbiage you don't want to use
includes phrases like 'you will', or 'exciting opportunity' or 'we're hiring for'." Job
families describe a role for career development and performance conversations; state
what the role does.

Checked phrases: ${data.vacancyPhrases.filter((p) => !p.includes('’')).map((p) => `"${p}"`).join(', ')}.

Bad: \`You will own the billing process.\`

Good: \`Owns the billing process.\``,
  },
  check(ctx) {
    for (const p of ctx.model.prose) {
      for (const m of p.text.matchAll(PHRASES)) {
        ctx.report({
          range: range(p.line, p.col + m.index, p.line, p.col + m.index + m[0].length),
          message: `"${m[0]}" reads like a job advert: describe what the role does instead.`,
        });
      }
    }
  },
};
