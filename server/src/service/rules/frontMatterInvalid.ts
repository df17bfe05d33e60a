import type { Rule } from './types';

export const frontMatterInvalid: Rule = {
  meta: {
    id: 'JF002',
    alias: 'front-matter-invalid',
    description: 'The front matter is valid YAML, closed by `---`, and a list of `key: value` entries.',
    severity: 'error',
    tags: ['ci', 'front-matter'],
    fixable: false,
  },
  check(ctx) {
    const fm = ctx.model.frontMatter;
    if (!fm) return;
    for (const e of fm.errors) {
      const detail = e.message.replace(/\.$/, '');
      ctx.report({
        range: e.range,
        message: detail.startsWith('The front matter') ? e.message : `The front matter is not valid YAML (${detail}): fix the syntax so Hugo can read the page.`,
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Hugo fails to build a page whose front matter it cannot read, so nothing else on the
page can be trusted until the YAML is valid. The finding points at the exact character
where the YAML parser gave up.

Typical causes: an unquoted value containing \`: \`, a value that starts with \`{\` or \`[\`
(quote it), a missing closing \`---\`, tabs used for indentation.

Bad:

\`\`\`markdown
---
title: Manager: Backend
---
\`\`\`

Good:

\`\`\`markdown
---
title: "Manager: Backend"
---
\`\`\``;
