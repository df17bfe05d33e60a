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
  },
  check(ctx) {
    for (const link of ctx.model.links) {
      if (!INTERNAL.has(link.kind) || link.anchor === undefined || !link.anchorRange) continue;
      if (link.anchor === link.anchor.toLowerCase()) continue;
      // An HTML id may have capitals, and a fragment must match it exactly.
      if (link.kind === 'same-page' && ctx.model.anchors.some((a) => a.id === link.anchor)) continue;
      if (ctx.handbook && link.kind !== 'same-page') {
        const r = link.kind === 'ref' ? ctx.handbook.resolveRef(link.path, ctx.model.uri) : ctx.handbook.resolve(link.path);
        const page = r.status === 'page' || r.status === 'redirect' ? r.page : undefined;
        if (page?.anchors.includes(link.anchor)) continue;
      }
      const lower = link.anchor.toLowerCase();
      ctx.report({
        range: link.anchorRange,
        message: `The anchor \`#${link.anchor}\` has capitals, but heading IDs are lower case: write \`#${lower}\`.`,
        fix: { kind: 'safe', title: `Write #${lower}`, edits: [{ range: link.anchorRange, newText: lower }] },
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Hugo makes every heading ID lower case, so \`#Job-Grades\` never matches. The handbook CI
rejects upper-case anchors (\`InternalLinkCase\`). The fix lower-cases the anchor.

Bad: \`[grades](/handbook/total-rewards/compensation/compensation-calculator/#GitLab-Job-Grades)\``;
