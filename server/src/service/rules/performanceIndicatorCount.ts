import { effectiveKind } from '../model/sections';
import type { Rule } from './types';

export const performanceIndicatorCount: Rule = {
  meta: {
    id: 'JF026',
    alias: 'performance-indicator-count',
    description: 'A Performance Indicators section lists three to five indicators.',
    severity: 'warning',
    tags: ['content'],
    fixable: false,
    docs: `The guide: "Job Families should have three to five PIs", each specific to the role and
linked to its definition. Fewer does not say what success looks like; more dilutes it.
Top-level bullets are counted; a section written as prose or as a link to another page is
not counted.`,
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.sections) {
      if (effectiveKind(s) !== 'performance-indicators' || !s.heading) continue;
      const end = s.children[0]?.startLine ?? s.endLine;
      const items = model.listItems.filter((li) => li.line >= s.bodyStartLine && li.line < end);
      const depth = Math.min(...items.map((i) => i.depth));
      const count = items.filter((i) => i.depth === depth).length;
      if (count === 0 || (count >= 3 && count <= 5)) continue;
      ctx.report({
        range: s.heading.textRange,
        message: `"${s.heading.text}" lists ${count} indicator${count === 1 ? '' : 's'}: the guide asks for three to five.`,
      });
    }
  },
};
