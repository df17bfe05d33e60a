import { deleteLines, insertAt } from './helpers';
import { range } from '../model/lines';
import type { Rule } from './types';

export const frontMatterSpacing: Rule = {
  meta: {
    id: 'JF005',
    alias: 'front-matter-spacing',
    description: 'No blank lines inside the front matter, and one blank line after its closing `---`.',
    severity: 'info',
    tags: ['front-matter', 'style'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    const fm = model.frontMatter;
    if (!fm || fm.closeLine === undefined) return;
    for (const n of fm.blankLines) {
      ctx.report({
        range: range(n, 0, n, model.lines.line(n).length),
        message: 'Blank line inside the front matter: remove it.',
        fix: { kind: 'safe', title: 'Remove the blank line', edits: [deleteLines(model, n, n)] },
      });
    }
    const next = fm.closeLine + 1;
    if (next < model.lines.lineCount && model.lines.line(next).trim() !== '') {
      ctx.report({
        range: model.lines.lineRange(fm.closeLine),
        message: 'No blank line after the front matter: add one before the page text.',
        fix: { kind: 'safe', title: 'Add a blank line after the front matter', edits: [insertAt(next, 0, model.lines.eol)] },
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Blank lines inside the front matter are legal YAML but are a common sign of a pasted
block that lost a key, and some tools stop reading at them. Without a blank line after the
closing \`---\`, a following line of text can be read as a setext heading underline by
Markdown tools that do not know about front matter.

Bad:

\`\`\`markdown
---
title: "Tax"

description: "Tax roles."
---
The tax team…
\`\`\`

Good:

\`\`\`markdown
---
title: "Tax"
description: "Tax roles."
---

The tax team…
\`\`\``;
