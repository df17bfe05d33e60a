import { closest } from '../util/distance';
import type { Rule } from './types';

export const brokenAnchor: Rule = {
  meta: {
    id: 'JF037',
    alias: 'broken-anchor',
    description: 'Link anchors name a heading or HTML id that exists on the target page.',
    severity: 'warning',
    tags: ['links'],
    fixable: true,
    docs: `An anchor is a heading ID as Hugo makes it: the heading text in lower case, punctuation
dropped, spaces as \`-\`, \`-1\`, \`-2\` on repeats, or a \`{#custom-id}\`, or an
\`<a id="…">\` in the page. A link whose anchor matches none lands at the top of the page.
Same-page anchors are always checked; anchors on other pages are checked when a handbook
checkout is open. The fix picks the closest existing anchor.

Bad: \`[Senior](#senior-backend-enginer)\``,
  },
  check(ctx) {
    const { model, handbook } = ctx;
    const own = model.anchors.map((a) => a.id.toLowerCase());
    for (const link of model.links) {
      if (link.anchor === undefined || link.anchor === '' || !link.anchorRange) continue;
      let anchors: readonly string[] | undefined;
      let where = 'this page';
      if (link.kind === 'same-page') anchors = own;
      else if (handbook && (link.kind === 'handbook' || link.kind === 'job-family' || link.kind === 'site' || link.kind === 'ref')) {
        const page = link.kind === 'ref' ? handbook.resolveRef(link.path, model.uri) : link.path ? handbook.resolve(link.path) : undefined;
        if (!page) continue; // JF038 reports the path
        if (page.uri === model.uri) anchors = own;
        else anchors = page.anchors;
        where = `\`${page.path}\``;
      }
      if (!anchors) continue;
      const anchor = link.anchor.toLowerCase();
      if (anchors.includes(anchor)) continue;
      const guess = closest(anchor, anchors, (a) => a, Math.max(2, Math.floor(anchor.length / 3)));
      ctx.report({
        range: link.anchorRange,
        message: `There is no \`#${link.anchor}\` on ${where}${guess ? `: did you mean \`#${guess}\`?` : ': link to an existing heading.'}`,
        fix: guess ? { kind: 'suggestion', title: `Use #${guess}`, edits: [{ range: link.anchorRange, newText: guess }] } : undefined,
      });
    }
  },
};
