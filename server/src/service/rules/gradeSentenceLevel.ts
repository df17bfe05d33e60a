import { editDistance } from '../util/distance';
import { namesMatch, spellingOnlyDifference, words } from '../model/names';
import type { Rule } from './types';

const GENERIC = /\b(?:level|role|position|this|person|team members?|individual|job|division|department)\b|\{add\b/i;

export const gradeSentenceLevel: Rule = {
  meta: {
    id: 'JF022',
    alias: 'grade-sentence-level',
    description: 'The grade sentence names the level of its own section.',
    severity: 'warning',
    tags: ['grades'],
    fixable: true,
  },
  check(ctx) {
    // When the sections and the sentence agree on a name the heading lacks, JF044 says so once.
    const disagree = new Map(ctx.model.structureProblems.filter((p) => p.kind === 'names-disagree').map((p) => [p.role, p.explains[0]?.prefix ?? '']));
    for (const level of ctx.model.levels) {
      const subject = level.grade?.subject;
      const sectionsName = disagree.get(level);
      if (subject && sectionsName && namesMatch(subject.text, sectionsName)) continue;
      if (!subject || GENERIC.test(subject.text) || GENERIC.test(level.title) || /^role$/i.test(level.title.trim())) continue;
      if (!words(subject.text).size || !words(level.title).size || namesMatch(subject.text, level.title)) continue;
      const name = level.title.replace(/\s*\(Intermediate\)\s*$/i, '');
      if (spellingOnlyDifference(subject.text, level.title, editDistance)) {
        ctx.report({ range: subject.range, message: `The grade sentence spells the role "${subject.text}", its level heading "${level.title}": make the two the same.` });
        continue;
      }
      ctx.report({
        range: subject.range,
        message: `The grade sentence names "${subject.text}" but sits under the level "${level.title}": name the level it belongs to.`,
        fix: { kind: 'suggestion', title: `Name "${name}"`, edits: [{ range: subject.range, newText: name }] },
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Each level says \`The <level> is a [grade N](…)\`. Levels are usually written by copying the
one before, and the sentence then names the wrong level: under "Senior Investor Relations
Analyst" the page says "The Investor Relations Analyst is a grade 7". That states a grade
for the wrong role.

The sentence's role and the level heading must have the same level words (Senior, Staff,
Manager, Director, …) and one's other words must include the other's, so "Manager, Red
Team" matches "Red Team Manager" and "Senior Fullstack Engineer" matches "Senior Fullstack
Engineer, Technical Writing". "(Intermediate)" is ignored. The fix writes the level's name.`;
