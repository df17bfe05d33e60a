import type { Rule } from './types';

export const legacyUrl: Rule = {
  meta: {
    id: 'JF033',
    alias: 'legacy-url',
    description: 'Handbook links are site-relative: no `about.gitlab.com/handbook` or `handbook.gitlab.com` URLs.',
    severity: 'error',
    tags: ['ci', 'links'],
    fixable: true,
  },
  check(ctx) {
    for (const link of ctx.model.links) {
      let relative: string | undefined;
      if (link.kind === 'legacy') relative = link.relative;
      if (!relative) continue;
      // `<https://…/handbook/x/>` becomes `[/handbook/x/](/handbook/x/)`: `</handbook/x/>` is an HTML tag, not a link.
      const edit = link.autolink
        ? [{ range: link.range, newText: `[${relative}](${relative})` }]
        : link.targetRange !== link.range
          ? [{ range: link.targetRange, newText: relative }]
          : undefined;
      ctx.report({
        range: link.targetRange,
        message: `\`${shorten(link.target)}\` is an old or absolute handbook URL: link to \`${relative}\` instead.`,
        fix: edit ? { kind: 'safe', title: `Use ${relative}`, edits: edit } : undefined,
      });
    }
  },
};

function shorten(s: string): string {
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook moved from \`about.gitlab.com/handbook\` to \`handbook.gitlab.com\`, and its CI
(the \`RelativeLinks\` check) rejects absolute links to its own pages. Old links go through
redirects that break over time, and absolute links do not work in review apps. The fix
writes the site-relative path. (Old site paths such as \`/hiring/…\` that the site still serves
through a redirect are reported at info level by JF038, with the page they land on.)

Bad: \`[values](https://about.gitlab.com/handbook/values/)\`

Good: \`[values](/handbook/values/)\``;
