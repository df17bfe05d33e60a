import type { Rule } from './types';

export const brokenLink: Rule = {
  meta: {
    id: 'JF038',
    alias: 'broken-link',
    description: 'Handbook and job-family links (and `ref` shortcodes) name pages that exist in the handbook checkout.',
    severity: 'warning',
    tags: ['links'],
    fixable: true,
    docs: `A site path resolves the way Hugo maps it to a file: \`/handbook/hiring/\` is
\`content/handbook/hiring.md\`, \`content/handbook/hiring/_index.md\` or
\`content/handbook/hiring/index.md\`; a page's \`aliases\` resolve too. A \`ref\` shortcode that
names no page fails the whole Hugo build, so it is an error; other broken links are
warnings. Checked only when a handbook checkout (a folder with \`content/handbook\` or
\`content/job-families\`) is open; nothing is fetched from the network. The fix picks the
closest existing path.

Bad: \`[hiring page](/handbook/hirring/)\``,
  },
  check(ctx) {
    const { model, handbook } = ctx;
    if (!handbook) return;
    for (const link of model.links) {
      if (link.image) continue;
      const isRef = link.kind === 'ref';
      if (!isRef && link.kind !== 'handbook' && link.kind !== 'job-family' && link.kind !== 'site') continue;
      if (!isRef && !link.path) continue;
      const page = isRef ? handbook.resolveRef(link.path, model.uri) : handbook.resolve(link.path);
      if (page) continue;
      const suggestions = isRef ? [] : handbook.suggestPaths(link.path, 1);
      const guess = suggestions[0];
      ctx.report({
        range: link.pathRange,
        message: isRef
          ? `The \`${link.shortcode ?? 'ref'}\` target \`${link.path}\` names no page, which fails the Hugo build: point it at an existing page.`
          : `\`${link.path}\` is not a page of this handbook${guess ? `: did you mean \`${guess}\`?` : ': link to an existing page.'}`,
        severity: isRef ? 'error' : undefined,
        fix: guess && link.pathRange !== link.range ? { kind: 'suggestion', title: `Use ${guess}`, edits: [{ range: link.pathRange, newText: guess }] } : undefined,
      });
    }
  },
};
