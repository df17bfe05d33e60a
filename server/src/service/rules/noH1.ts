import { deleteLines, replace } from './helpers';
import { range } from '../model/lines';
import type { Fix, Rule } from './types';

export const noH1: Rule = {
  meta: {
    id: 'JF011',
    alias: 'no-h1',
    description: 'The page body has no `#` heading; the title comes from the front matter.',
    severity: 'warning',
    tags: ['structure'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const h of model.headings) {
      if (h.depth !== 1) continue;
      const same = model.title !== undefined && h.text.trim().toLowerCase() === model.title.trim().toLowerCase();
      const line = model.lines.line(h.line);
      const fix: Fix | undefined = h.setext
        ? same
          ? { kind: 'safe', title: 'Remove the heading (it repeats the title)', edits: [deleteLines(model, h.line, h.endLine)] }
          : undefined
        : same
          ? { kind: 'safe', title: 'Remove the heading (it repeats the title)', edits: [deleteLines(model, h.line, model.lines.line(h.line + 1).trim() === '' ? h.line + 1 : h.line)] }
          : { kind: 'safe', title: 'Make it a `##` heading', edits: [replace(range(h.line, line.indexOf('#'), h.line, line.indexOf('#') + 1), '##')] };
      ctx.report({
        range: h.range,
        message: same
          ? 'This `#` heading repeats the page title, which Hugo already shows: remove it.'
          : 'A `#` heading in the body competes with the page title: make it a `##` heading.',
        fix,
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Hugo renders the front-matter \`title\` as the page's only top-level heading. A \`#\` heading
in the body shows the title twice or adds a second top-level heading, which breaks the
page outline. The fix removes a \`#\` heading that repeats the title and turns any other
into a \`##\` heading.

Bad:

\`\`\`markdown
---
title: "Tax"
---

# Tax
\`\`\``;
