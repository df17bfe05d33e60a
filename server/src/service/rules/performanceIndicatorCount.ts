import { effectiveKind } from '../model/sections';
import type { Rule } from './types';

export const performanceIndicatorCount: Rule = {
  meta: {
    id: 'JF026',
    alias: 'performance-indicator-count',
    description: 'A Performance Indicators section lists three to five indicators, as a list.',
    severity: 'warning',
    tags: ['content'],
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.sections) {
      if (effectiveKind(s) !== 'performance-indicators' || !s.heading) continue;
      const end = s.children[0]?.startLine ?? s.endLine;
      const items = model.listItems.filter((li) => li.line >= s.bodyStartLine && li.line < end);
      if (!items.length) {
        // Sub-sections hold the indicators, a shortcode writes them, or the section is empty (JF016).
        if (s.children.length || model.shortcodes.some((c) => c.range.start.line >= s.bodyStartLine && c.range.start.line < end)) continue;
        let content = false;
        for (let n = s.bodyStartLine; n < end && !content; n++) content = model.lines.line(n).replace(/<!--.*?-->/g, '').trim() !== '';
        if (!content) continue;
        ctx.report({ range: s.heading.textRange, message: `"${s.heading.text}" has no list of indicators: list three to five, each linked to its definition.` });
        continue;
      }
      const depth = Math.min(...items.map((i) => i.depth));
      const top = items.filter((i) => i.depth === depth);
      // Top-level bullets that only group nested ones ("- Team indicators:" over its list) are headings, not indicators.
      const grouping = top.length > 0 && top.every((t) => items.some((i) => i.depth === depth + 1 && i.line > t.line && i.line <= t.lastLine));
      const indicators = grouping ? items.filter((i) => i.depth === depth + 1) : top;
      const count = indicators.length;
      // The templates: "PIs should link to the data". A shortcode that writes the list counts as linked.
      const unlinked = indicators.filter((i) => !i.text.trimStart().startsWith('{') && !model.links.some((l) => l.line >= i.line && l.line <= i.lastLine) && !model.shortcodes.some((c) => c.range.start.line >= i.line && c.range.start.line <= i.lastLine)).length;
      if (unlinked) {
        ctx.report({
          range: s.heading.textRange,
          message: `${unlinked < count ? `${unlinked} of the ${count} indicators in "${s.heading.text}" link to no data` : count === 1 ? `The indicator in "${s.heading.text}" links to no data` : `None of the ${count} indicators in "${s.heading.text}" links to its data`}: the templates ask that each PI link to its data.`,
          severity: 'info',
        });
      }
      if (count >= 3 && count <= 5) continue;
      ctx.report({
        range: s.heading.textRange,
        message: `"${s.heading.text}" lists ${count} indicator${count === 1 ? '' : 's'}: the guide asks for three to five.`,
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The guide: "Job Families should have three to five PIs", each specific to the role and
linked to its definition. Fewer does not say what success looks like; more dilutes it.
Top-level bullets are counted; a section written as prose or as a link to another page is
not counted. The templates also ask that "PIs should link to the data": indicators that
link to nothing are reported as advice (info).`;
