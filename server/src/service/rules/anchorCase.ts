import type { Rule } from './types';

const INTERNAL = new Set(['same-page', 'handbook', 'job-family', 'site', 'ref']);

export const anchorCase: Rule = {
  meta: {
    id: 'JF036',
    alias: 'anchor-case',
    description: 'Anchors of internal links are lower case.',
    severity: 'error',
    tags: ['ci', 'links'],
    fixable: true,
    docs: `Hugo makes every heading ID lower case, so \`#Job-Grades\` never matches. The handbook CI
rejects upper-case anchors (\`InternalLinkCase\`). The fix lower-cases the anchor.

Bad: \`[grades](/handbook/total-rewards/compensation/compensation-calculator/#GitLab-Job-Grades)\``,
  },
  check(ctx) {
    for (const link of ctx.model.links) {
      if (!INTERNAL.has(link.kind) || link.anchor === undefined || !link.anchorRange) continue;
      if (link.anchor === link.anchor.toLowerCase()) continue;
      const lower = link.anchor.toLowerCase();
      ctx.report({
        range: link.anchorRange,
        message: `The anchor \`#${link.anchor}\` has capitals, but heading IDs are lower case: write \`#${lower}\`.`,
        fix: { kind: 'safe', title: `Write #${lower}`, edits: [{ range: link.anchorRange, newText: lower }] },
      });
    }
  },
};
