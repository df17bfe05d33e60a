import type { Link } from '../model/model';
import type { Rule } from './types';

export const relativeLink: Rule = {
  meta: {
    id: 'JF034',
    alias: 'relative-link',
    description: 'Internal links start with `/handbook/` or `/job-families/`, not `../`, `./`, `handbook/` or `content/`.',
    severity: 'error',
    tags: ['ci', 'links'],
    fixable: true,
  },
  check(ctx) {
    const pageUrl = pageUrlOf(ctx.model.uri);
    for (const link of ctx.model.links) {
      if (link.image || link.html) continue;
      const fileLike = link.kind === 'site' && /^\/content\//.test(link.target);
      if (link.kind !== 'relative' && !fileLike) continue;
      const fixed = sitePath(link, pageUrl);
      ctx.report({
        range: link.targetRange,
        message: fixed
          ? `\`${link.target}\` is not a site path: write \`${fixed}\`.`
          : `\`${link.target}\` is relative to the page: write the site path starting with \`/handbook/\` or \`/job-families/\`.`,
        fix: fixed && link.targetRange !== link.range ? { kind: 'safe', title: `Use ${fixed}`, edits: [{ range: link.targetRange, newText: fixed }] } : undefined,
      });
    }
  },
};

/** `/job-families/sales/deal-desk/` for `…/content/job-families/sales/deal-desk.md`. */
export function pageUrlOf(uri: string): string | undefined {
  const content = uri.lastIndexOf('/content/');
  // Outside a handbook checkout, a job-families folder still tells where the page is published.
  const at = content >= 0 ? content + '/content'.length : uri.lastIndexOf('/job-families/');
  if (at < 0) return undefined;
  let path = uri.slice(at).replace(/\.md$/, '');
  path = path.replace(/\/(?:_index|index)$/, '');
  return `${path}/`;
}

function sitePath(link: Link, pageUrl: string | undefined): string | undefined {
  const t = link.target.trim();
  const [pathPart, hash] = t.split('#', 2) as [string, string | undefined];
  const finish = (segments: readonly string[]): string => {
    const path = segments
      .filter(Boolean)
      .join('/')
      .replace(/(?:^|\/)(?:_index|index)\.md$/, '')
      .replace(/\.md$/, '');
    return `/${path}${path ? '/' : ''}${hash !== undefined ? `#${hash}` : ''}`;
  };
  const content = /^\/?content\/(.*)$/.exec(pathPart);
  if (content) return finish(content[1]!.split('/'));
  if (/^(?:handbook|job-families)\//.test(pathPart)) return finish(pathPart.split('/'));
  if (!pageUrl) return undefined;
  // Hugo resolves relative links against the page URL (a directory), as a browser does.
  const base = pageUrl.split('/').filter(Boolean);
  for (const seg of pathPart.split('/')) {
    if (seg === '..') {
      if (!base.length) return undefined;
      base.pop();
    } else if (seg && seg !== '.') base.push(seg);
  }
  return finish(base);
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook CI rejects links that start with \`handbook/\` (missing slash) or
\`content/handbook/\` (a file path instead of the web path). Paths with \`../\` or \`./\` resolve
against the page's URL, which changes when the page moves, so the handbook writes
site-absolute paths. Images next to the page are fine. The fix writes the site path when
it can be worked out from the link and the page's place under \`content/\`.

Bad: \`[values](handbook/values/)\`, \`[backend](../backend/)\`

Good: \`[values](/handbook/values/)\`, \`[backend](/job-families/engineering/backend/)\``;
