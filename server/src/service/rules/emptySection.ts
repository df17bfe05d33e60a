import { effectiveKind } from '../model/sections';
import type { Rule } from './types';

export const emptySection: Rule = {
  meta: {
    id: 'JF016',
    alias: 'empty-section',
    description: 'Every heading has content, and a Levels section has levels.',
    severity: 'warning',
    tags: ['structure'],
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.sections) {
      if (!s.heading) continue;
      if (!s.children.length) {
        let content = false;
        for (let n = s.bodyStartLine; n < s.endLine && !content; n++) {
          const t = model.lines.line(n).replace(/<!--.*?-->/g, '').trim();
          if (t) content = true;
        }
        if (!content) {
          ctx.report({ range: s.heading.textRange, message: `"${s.heading.text}" is empty: add its content or remove the heading.` });
        }
        continue;
      }
      if (effectiveKind(s) === 'levels' && model.layout !== 'single-role' && !model.levels.some((l) => l.section && l.section.startLine > s.startLine && l.section.endLine <= s.endLine)) {
        ctx.report({ range: s.heading.textRange, message: `"${s.heading.text}" holds no levels: give each level its own heading with a Job Grade, or rename the section.` });
      }
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `An empty section is usually a template section nobody filled in: it renders as a bare
heading. The guide says to remove sections that do not apply (Segment, Specialties).
A \`## Levels\` section whose subsections are not levels (no grade, no level name) is
reported too. Comments do not count as content.

Bad:

\`\`\`markdown
## Specialties

## Performance Indicators
\`\`\``;
