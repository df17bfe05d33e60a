import type { Rule } from './types';

const GOOD = /^(?:_index|[a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;

export const fileName: Rule = {
  meta: {
    id: 'JF009',
    alias: 'file-name',
    description: 'The file name is lower-case kebab-case ending in `.md`.',
    severity: 'warning',
    tags: ['file'],
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const name = model.fileName;
    if (GOOD.test(name) || name === 'index.md') return;
    const stem = name.replace(/\.[^.]*$/, '') || name;
    const suggestion = `${stem.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')}.md`;
    const why = !name.endsWith('.md') ? 'does not end in `.md`, so Hugo does not render it' : 'is not lower-case kebab-case';
    ctx.report({
      range: model.lines.lineRange(0),
      message: `The file name \`${name}\` ${why}: rename it to \`${suggestion}\`.`,
    });
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The file name becomes the page URL. The guide asks for names like
\`marketing-campaign-manager.md\`: lower case, words joined by \`-\`, ending in \`.md\`.
Capitals, commas and spaces make URLs that are hard to link to, and a file without the
\`.md\` extension is not rendered at all. Rename the file (and add the old path to
\`aliases\` if the page was already published).

Bad: \`Audit-Principal,-IT-and-Security.md\`, \`field-cto.mb\`

Good: \`audit-principal-it-and-security.md\``;
