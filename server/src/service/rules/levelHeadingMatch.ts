import { editDistance } from '../util/distance';
import { namesMatch, spellingOnlyDifference } from './levelWords';
import type { Rule } from './types';

export const levelHeadingMatch: Rule = {
  meta: {
    id: 'JF018',
    alias: 'level-heading-match',
    description: '`<Level> Job Grade/Responsibilities/Requirements` headings name their own level.',
    severity: 'warning',
    tags: ['structure'],
    fixable: true,
    docs: `Template 1 prefixes each level's subsections with the level's name
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
\`\`\``,
  },
  check(ctx) {
    for (const level of ctx.model.levels) {
      if (!level.section || /^role$/i.test(level.title.trim())) continue;
      for (const child of level.section.children) {
        if (!child.prefix || !child.prefixRange || namesMatch(child.prefix, level.title)) continue;
        if (spellingOnlyDifference(child.prefix, level.title, editDistance)) {
          ctx.report({
            range: child.prefixRange,
            message: `"${child.prefix}" is spelled differently from its level "${level.title}": make the two the same.`,
          });
          continue;
        }
        ctx.report({
          range: child.prefixRange,
          message: `"${child.heading!.text}" sits under the level "${level.title}": rename it to "${level.title} ${child.heading!.text.slice(child.prefix.length).trim()}".`,
          fix: { kind: 'suggestion', title: `Use the level name "${level.title}"`, edits: [{ range: child.prefixRange, newText: level.title }] },
        });
      }
    }
  },
};
