import { insertAt, titleFromFileName, yamlString } from './helpers';
import type { Rule } from './types';

export const titleMissing: Rule = {
  meta: {
    id: 'JF003',
    alias: 'title-missing',
    description: 'The front matter sets a non-empty text `title`.',
    severity: 'error',
    tags: ['ci', 'front-matter'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    const fm = model.frontMatter;
    if (!fm || fm.format !== 'yaml' || fm.errors.length || !fm.isMapping) return;
    const entry = fm.entries.find((e) => e.key === 'title');
    const h1 = model.headings.find((h) => h.depth === 1);
    const title = h1?.text || titleFromFileName(model.uri);
    if (!entry) {
      ctx.report({
        range: model.lines.lineRange(fm.openLine),
        message: 'The front matter has no `title`: add `title: "…"`, which Hugo shows as the page heading.',
        fix: { kind: h1?.text ? 'safe' : 'suggestion', title: `Add title "${title}"`, edits: [insertAt(fm.openLine + 1, 0, `title: ${yamlString(title)}${model.lines.eol}`)] },
      });
      return;
    }
    const raw = model.lines.line(entry.keyRange.start.line);
    if (/\{add\b/i.test(raw)) return; // a template placeholder: JF024 says so
    if (entry.isBlank) {
      ctx.report({
        range: entry.keyRange,
        message: '`title` is empty: write the job family name, which Hugo shows as the page heading.',
        fix: { kind: h1?.text ? 'safe' : 'suggestion', title: `Set title to "${title}"`, edits: [{ range: { start: entry.keyRange.start, end: model.lines.lineRange(entry.lastLine).end }, newText: `title: ${yamlString(title)}` }] },
      });
    } else if (typeof entry.value !== 'string' && typeof entry.value !== 'number') {
      ctx.report({ range: entry.valueRange, message: '`title` must be text: quote the value, e.g. `title: "Backend Engineer"`.' });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook CI fails a page without a \`title\` (the \`FrontmatterTitle\` check), and
Hugo renders the title as the page's heading. The fix adds a title taken from the page's
\`#\` heading or, failing that, from the file name.

Bad:

\`\`\`markdown
---
description: "Backend engineering roles."
---
\`\`\`

Good:

\`\`\`markdown
---
title: "Backend Engineer"
description: "Backend engineering roles."
---
\`\`\``;
