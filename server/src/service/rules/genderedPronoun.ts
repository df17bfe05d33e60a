import data from '../data/language.json';
import { range } from '../model/lines';
import { lineLanguage } from './language';
import type { Rule } from './types';

const PAIRS = data.pronounPairs.map((p) => ({ re: new RegExp(p.pattern, 'gi'), replacement: p.replacement }));
const SINGLE = new RegExp(`\\b(?:${data.pronouns.join('|')})\\b`, 'gi');

export const genderedPronoun: Rule = {
  meta: {
    id: 'JF028',
    alias: 'gendered-pronoun',
    description: 'The page uses no gendered pronouns.',
    severity: 'error',
    tags: ['ci', 'language'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.prose) {
      // Only the lines that hold a pronoun at all are read closely.
      if (!lineLanguage(model, p).pronoun) continue;
      const taken: [number, number][] = [];
      for (const { re, replacement } of PAIRS) {
        for (const m of p.text.matchAll(re)) {
          const r = range(p.line, p.col + m.index, p.line, p.col + m.index + m[0].length);
          taken.push([m.index, m.index + m[0].length]);
          const text = startsUpper(m[0]) ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement;
          ctx.report({ range: r, message: `"${m[0]}" is gendered: write "${text}".`, fix: { kind: subjectPair(m[0]) ? 'suggestion' : 'safe', title: `Replace with "${text}"`, edits: [{ range: r, newText: text }] } });
        }
      }
      for (const m of p.text.matchAll(SINGLE)) {
        if (taken.some(([s, e]) => m.index >= s && m.index < e)) continue;
        if (m[0] !== m[0].toLowerCase() && m[0] !== m[0][0]!.toUpperCase() + m[0].slice(1).toLowerCase()) continue; // HE, HER: acronyms
        ctx.report({
          range: range(p.line, p.col + m.index, p.line, p.col + m.index + m[0].length),
          message: `"${m[0]}" is a gendered pronoun, which the handbook's inclusive-language check rejects: use "they"/"their" or the role's name.`,
        });
      }
    }
  },
};

function startsUpper(s: string): boolean {
  return s[0] !== undefined && s[0] === s[0].toUpperCase() && s[0] !== s[0].toLowerCase();
}

/** "he or she" becomes "they", whose verb may then need changing ("they has"): the author decides. */
function subjectPair(text: string): boolean {
  return /\b(?:he|she|s\/he|\(s\)he)\b/i.test(text) && !/\b(?:him|his|her|hers|himself|herself)\b/i.test(text);
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook's inclusive-language check fails a job family that uses gendered pronouns
("he", "she", "his/her", "him or her"). Use "they", "them", "their", or name the role.
The fix rewrites paired forms ("he or she" → "they", "his/her" → "their"); a single
pronoun needs a rewrite of the sentence.

Bad: \`The manager supports his or her team.\`

Good: \`The manager supports their team.\``;
