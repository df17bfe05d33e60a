import { deleteLines } from './helpers';
import type { Rule } from './types';

export const blankValue: Rule = {
  meta: {
    id: 'JF004',
    alias: 'front-matter-blank-value',
    description: 'Front-matter keys have values.',
    severity: 'warning',
    tags: ['front-matter'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    const fm = model.frontMatter;
    if (!fm || fm.errors.length) return;
    for (const e of fm.entries) {
      if (!e.isBlank || e.key === 'title') continue;
      ctx.report({
        range: e.keyRange,
        message: `\`${e.key}\` has no value: fill it in or remove the line.`,
        fix: { kind: 'safe', title: `Remove the empty \`${e.key}\``, edits: [deleteLines(model, e.firstLine, e.lastLine)] },
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `A key with no value (\`description:\`) or an empty string usually means a template was
half filled in. Hugo reads it as empty, which hides the page summary or breaks layouts
that expect a value. Fill it in or remove it; the fix removes the line. An empty \`title\`
is reported by JF003 instead.

Bad:

\`\`\`yaml
description:
\`\`\`

Good:

\`\`\`yaml
description: "Backend engineers build GitLab's product."
\`\`\``;
