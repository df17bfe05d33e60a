import { insertAt, yamlString } from './helpers';
import type { Rule } from './types';

export const descriptionRecommended: Rule = {
  meta: {
    id: 'JF008',
    alias: 'description-recommended',
    description: 'The front matter has a `description`.',
    severity: 'info',
    tags: ['front-matter'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    const fm = model.frontMatter;
    if (!fm || fm.format !== 'yaml' || fm.errors.length || !fm.isMapping) return;
    if (fm.entries.some((e) => e.key === 'description' || e.key === 'summary')) return;
    const title = fm.entries.find((e) => e.key === 'title');
    const overview = firstSentence(model.prose.filter((p) => p.section.id === 0 && p.block === 'paragraph').map((p) => p.text.trim()));
    const at = title ? title.lastLine + 1 : fm.openLine + 1;
    ctx.report({
      range: title ? title.keyRange : model.lines.lineRange(fm.openLine),
      message: 'The front matter has no `description`: add a one-sentence summary for page lists and search.',
      fix: overview && !/\{add\b/i.test(overview)
        ? { kind: 'safe', title: 'Add a description from the overview', edits: [insertAt(at, 0, `description: ${yamlString(overview)}${model.lines.eol}`)] }
        : undefined,
    });
  },
};

function firstSentence(lines: string[]): string | undefined {
  // The prose has markup blanked to spaces (`[page](/x/).` reads "page      ."): close the gaps it
  // leaves at punctuation, and drop emphasis markers, which a description shows as they are.
  const text = lines
    .join(' ')
    .replace(/(\*\*|__|\*|_)(?=\S)([^*_]+?)(?<=\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .replace(/ +([.,;:!?)\]])/g, '$1')
    .replace(/([([]) +/g, '$1')
    .trim();
  if (!text) return undefined;
  // One whole sentence; without a sentence end in sight, no description is better than half a clause.
  const m = /^(.{20,300}?[.!?])(?:\s|$)/.exec(text);
  return m?.[1]?.trim();
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook's front-matter page recommends a \`description\` on every page: it is shown in
lists of pages and in search results. When the page has an overview paragraph, the fix
uses its first sentence.

Bad:

\`\`\`yaml
title: "Tax"
\`\`\`

Good:

\`\`\`yaml
title: "Tax"
description: "The tax team keeps GitLab compliant with tax law in every country it operates in."
\`\`\``;
