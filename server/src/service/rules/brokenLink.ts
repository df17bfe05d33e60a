import type { Link } from '../model/model';
import type { Resolution } from '../handbook/links';
import type { Rule } from './types';

export const brokenLink: Rule = {
  meta: {
    id: 'JF038',
    alias: 'broken-link',
    description: 'Handbook and job-family links (and `ref` shortcodes) name pages the site serves.',
    severity: 'warning',
    tags: ['links'],
    fixable: true,
  },
  check(ctx) {
    const { model, handbook } = ctx;
    if (!handbook) return;
    for (const link of model.links) {
      if (link.image) continue;
      const isRef = link.kind === 'ref';
      if (!isRef && link.kind !== 'handbook' && link.kind !== 'job-family' && link.kind !== 'site') continue;
      if (!isRef && !link.path) continue;
      const host = isRef ? undefined : HOST_AS_PATH.exec(link.path);
      if (host) {
        const rest = host[2] || '/';
        const meant = host[1]!.toLowerCase() === 'handbook.gitlab.com' ? rest : `https://${host[1]!}${rest}`;
        ctx.report({
          range: link.pathRange,
          message: `\`${link.path}\` starts with a host name without \`https://\`, so the site reads it as one of its own paths, which does not exist: did you mean \`${meant}\`?`,
          fix: link.pathRange !== link.range ? { kind: 'suggestion', title: `Use ${meant}`, edits: [{ range: link.pathRange, newText: meant }] } : undefined,
        });
        continue;
      }
      const r: Resolution = isRef ? handbook.resolveRef(link.path, model.uri) : handbook.resolve(link.path);
      if (r.status === 'page' || r.status === 'unknown') continue;
      if (isRef) {
        ctx.report({
          range: link.pathRange,
          message: `The \`${link.shortcode ?? 'ref'}\` target \`${link.path}\` names no page, which fails the Hugo build: point it at an existing page.`,
          severity: 'error',
        });
        continue;
      }
      if (r.status === 'redirect') {
        ctx.report({
          range: link.pathRange,
          message: `\`${link.path}\` works only through a redirect (${r.origin}) to \`${r.target}\`: link to \`${r.target}\` directly.`,
          severity: 'info',
          fix: redirectFix(link, r.target),
        });
        continue;
      }
      if (r.redirectedTo) {
        ctx.report({ range: link.pathRange, message: `\`${link.path}\` redirects to \`${r.redirectedTo}\`, which is not a page of the site: link to an existing page.` });
        continue;
      }
      const guess = handbook.suggest(link.path);
      ctx.report({
        range: link.pathRange,
        message: `\`${link.path}\` is not a page of the site${guess ? `: did you mean \`${guess}\`?` : ': link to an existing page.'}`,
        fix: guess && link.pathRange !== link.range ? { kind: 'suggestion', title: `Use ${guess}`, edits: [{ range: link.pathRange, newText: guess }] } : undefined,
      });
    }
  },
};

/** A site path whose first segment is a host name (`/handbook.gitlab.com/…`): a URL missing its scheme. */
const HOST_AS_PATH = /^\/((?:[a-z0-9-]+\.)+(?:com|org|net|io|dev))(\/[^#?]*)?$/i;

/** Links to where the redirect lands; a target with its own `#fragment` replaces the link's only when the link has none. */
function redirectFix(link: Link, target: string) {
  if (link.pathRange === link.range) return undefined;
  if (target.includes('#') && link.anchor !== undefined) return undefined;
  return { kind: 'safe' as const, title: `Link to ${target}`, edits: [{ range: link.pathRange, newText: target }] };
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `A site path is judged the way the published site answers it. It is a page when Hugo
publishes one there: \`content/handbook/hiring.md\`, \`content/handbook/hiring/_index.md\` or
\`content/handbook/hiring/index.md\` for \`/handbook/hiring/\` (lower-cased, drafts not
published). Otherwise GitLab Pages tries the site's redirects, in the order
\`layouts/index.redirects\` writes them: front-matter \`aliases\`, one rule per handbook section
(\`/company/*\` → \`/handbook/company/:splat\`), then the rules written in the template; the first
that matches wins.

- A link that reaches a page only through a redirect works, so it is reported at **info**
  level, with a fix that links to where the redirect lands (safe: the redirect says where).
- A link that reaches nothing is a **warning**. When a page with a close path exists the
  message names it, and the quick fix that uses it is a suggestion (editor only): the closest
  path is not always the one meant.
- A \`ref\` or \`relref\` shortcode that names no page fails the whole Hugo build: **error**.
- A path that starts with a host name (\`/handbook.gitlab.com/job-families/…\`) is a URL that lost
  its \`https://\`: the site serves no such path, in any checkout. The suggestion drops the host
  for the handbook's own (\`/job-families/…\`) and adds \`https://\` for any other.

Links are judged only where the checkout can know: in a whole handbook checkout (the
handbook's pages with the site's \`config/\` or \`layouts/\`), for the parts of the site it
holds. In a folder with only job families, or a sparse checkout, a page that is not there may
still exist on the site, so such links are not reported (the server says so once in its
output). Nothing is fetched from the network.

Bad: \`[hiring page](/handbook/hirring/)\``;
