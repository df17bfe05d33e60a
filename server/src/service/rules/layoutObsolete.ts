import { deleteLines } from './helpers';
import type { Rule } from './types';

export const layoutObsolete: Rule = {
  meta: {
    id: 'JF006',
    alias: 'layout-obsolete',
    description: 'The front matter has no `layout` key.',
    severity: 'warning',
    tags: ['front-matter'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const e of model.frontMatter?.entries ?? []) {
      if (e.key !== 'layout') continue;
      ctx.report({
        range: { start: e.keyRange.start, end: e.valueRange.end },
        message: '`layout` is obsolete in the handbook: remove it.',
        fix: { kind: 'safe', title: 'Remove `layout`', edits: [deleteLines(model, e.firstLine, e.lastLine)] },
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `\`layout\` belonged to the old \`www-gitlab-com\` site. The handbook's front-matter page says
it is no longer relevant and asks to remove it wherever it appears; job-family pages get
their layout from the site.

Bad:

\`\`\`yaml
title: "Deal Desk"
layout: job_family_page
\`\`\`

Good:

\`\`\`yaml
title: "Deal Desk"
\`\`\``;
