import data from '../data/language.json';
import { range } from '../model/lines';
import { lineLanguage } from './language';
import type { Rule } from './types';

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
    const { model } = ctx;
    for (const p of model.prose) {
      for (const { start, end } of lineLanguage(model, p).vacancy) {
        ctx.report({
          range: range(p.line, p.col + start, p.line, p.col + end),
          message: `"${p.text.slice(start, end)}" reads like a job advert: describe what the role does instead.`,
        });
      }
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
