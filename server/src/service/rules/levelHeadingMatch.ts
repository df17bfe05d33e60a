import { editDistance } from '../util/distance';
import { namesMatch, spellingOnlyDifference } from '../model/names';
import type { Rule } from './types';

export const levelHeadingMatch: Rule = {
  meta: {
    id: 'JF018',
    alias: 'level-heading-match',
    description: '`<Level> Job Grade/Responsibilities/Requirements` headings name their own level.',
    severity: 'warning',
    tags: ['structure'],
    fixable: true,
  },
  check(ctx) {
    const explained = new Set(ctx.model.structureProblems.flatMap((p) => p.explains));
    for (const level of ctx.model.levels) {
      if (!level.section || level.headingless || /^role$/i.test(level.title.trim())) continue;
      for (const part of level.parts) {
        if (!part.prefix || !part.prefixRange || explained.has(part) || namesMatch(part.prefix, level.title)) continue;
        if (spellingOnlyDifference(part.prefix, level.title, editDistance)) {
          ctx.report({
            range: part.prefixRange,
            message: `"${part.prefix}" is spelled differently from its level "${level.title}": make the two the same.`,
          });
          continue;
        }
        ctx.report({
          range: part.prefixRange,
          message: `"${part.heading!.text}" sits under the level "${level.title}": rename it to "${level.title} ${part.heading!.text.slice(part.prefix.length).trim()}".`,
          fix: { kind: 'suggestion', title: `Use the level name "${level.title}"`, edits: [{ range: part.prefixRange, newText: level.title }] },
        });
      }
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Template 1 prefixes each level's subsections with the level's name
(\`#### Senior Backend Engineer Job Grade\`). When a level is copied to make the next one,
the prefixes are easy to miss, and the page then shows "Senior Manager … Job Grade" under
the Senior Director. The prefix must have the level's level words (Senior, Staff, Manager,
Director, …) and share its other words: a short form ("Senior Responsibilities" under
"Senior Backend Engineer") or a longer one ("Director, Global Tax" under "Director, Tax")
is fine. The fix writes the level's name; when the two differ only in spelling, which one
is right is for you to say.

Bad:

\`\`\`markdown
### Senior Director, Deal Desk

#### Senior Manager, Deal Desk Job Grade
\`\`\``;
