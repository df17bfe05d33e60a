import type { Rule } from './types';

export const tbd: Rule = {
  meta: {
    id: 'JF025',
    alias: 'tbd',
    description: 'No "TBD", "TODO" or "TO BE ADDED" is left in the page.',
    severity: 'info',
    tags: ['content'],
    fixable: false,
  },
  check(ctx) {
    for (const p of ctx.model.placeholders) {
      if (p.kind === 'tbd') ctx.report({ range: p.range, message: `"${p.text}" marks unfinished text: fill it in or remove the sentence.` });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `"TBD" and its kin mark something unfinished: a reporting line, a grade, a step of the
hiring process. Job families are the reference for career conversations, so fill the gap
or remove the sentence.

Bad: \`The IT Enterprise Applications Administrator reports to TO BE ADDED.\``;
