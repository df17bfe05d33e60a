import { insertAt, titleFromFileName, yamlString } from './helpers';
import type { Rule } from './types';

export const frontMatterMissing: Rule = {
  meta: {
    id: 'JF001',
    alias: 'front-matter-missing',
    description: 'Every page starts with a YAML front matter block.',
    severity: 'error',
    tags: ['ci', 'front-matter'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    if (model.frontMatter) return;
    const h1 = model.headings.find((h) => h.depth === 1);
    const title = h1?.text || titleFromFileName(model.uri);
    const eol = model.lines.eol;
    ctx.report({
      range: model.lines.lineRange(0),
      message: 'The page has no front matter: start it with a `---` block that sets `title`.',
      fix: { kind: h1?.text ? 'safe' : 'suggestion', title: `Add front matter with title "${title}"`, edits: [insertAt(0, 0, `---${eol}title: ${yamlString(title)}${eol}---${eol}${eol}`)] },
    });
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Hugo reads the page title from the front matter, and the handbook CI rejects pages
without a \`title\`. A page with no \`---\` block has neither.

The fix adds a block whose title comes from the page's \`#\` heading, or else from the file name.

Bad:

\`\`\`markdown
Backend engineers build the product.
\`\`\`

Good:

\`\`\`markdown
---
title: "Backend Engineer"
---

Backend engineers build the product.
\`\`\``;
