import { anchorOn, type HandbookPage } from '../handbook/links';
import type { JobFamilyModel, Link } from '../model/model';
import { closest } from '../util/distance';
import type { Rule } from './types';

/** What a heading ID can be made of: letters, digits, `_` and `-` (Hugo drops everything else). */
const ID_CHARS = /^[\p{L}\p{N}_-]+$/u;
const STRAY = /[^\p{L}\p{N}_-]/gu;

export const brokenAnchor: Rule = {
  meta: {
    id: 'JF037',
    alias: 'broken-anchor',
    description: 'Link anchors name a heading or HTML id that exists on the page the link lands on.',
    severity: 'warning',
    tags: ['links'],
    fixable: true,
  },
  check(ctx) {
    const { model, handbook } = ctx;
    const own: HandbookPage = { uri: model.uri, path: '', title: model.title, description: undefined, anchors: model.anchors.map((a) => a.id), openAnchors: model.openAnchors };
    for (const link of model.links) {
      if (link.anchor === undefined || link.anchor === '' || !link.anchorRange) continue;
      let page: HandbookPage | undefined;
      if (link.kind === 'same-page') page = own;
      else if (handbook && (link.kind === 'handbook' || link.kind === 'job-family' || link.kind === 'site' || link.kind === 'ref')) {
        const r = link.kind === 'ref' ? handbook.resolveRef(link.path, model.uri) : link.path ? handbook.resolve(link.path) : undefined;
        // A missing page is JF038's; a redirect checks the page it lands on.
        page = r?.status === 'page' ? r.page : r?.status === 'redirect' ? r.page : undefined;
        if (page && page.uri === model.uri) page = own;
      }
      if (!page) continue;
      report(ctx, link, page, page === own ? () => headingsAround(model, link) : () => NONE);
    }
  },
};

const NONE: ReadonlySet<string> = new Set();

/**
 * The ids of the page's headings that hold the link itself. A heading's ID is made from its
 * source, the link's destination included: pointing the link at it would change the ID again.
 */
function headingsAround(model: JobFamilyModel, link: Link): ReadonlySet<string> {
  const around = model.headings.filter((h) => link.line >= h.line && link.line <= h.endLine);
  if (!around.length) return NONE;
  const ids = new Set<string>();
  for (const a of model.anchors) if (a.source === 'heading' && around.some((h) => a.line === h.line || a.line === h.endLine)) ids.add(a.id);
  return ids;
}

/** `around`: the ids the link must not be pointed at, asked for only when a guess is made. */
function report(ctx: Parameters<typeof brokenAnchor.check>[0], link: Link, page: HandbookPage, around: () => ReadonlySet<string>): void {
  const anchor = link.anchor!;
  const where = page.path ? `\`${page.path}\`` : 'this page';
  if (!ID_CHARS.test(anchor) && anchorOn(page, anchor) !== true) {
    const cleaned = anchor.replace(STRAY, '');
    const exists = cleaned && anchorOn(page, cleaned) === true;
    ctx.report({
      range: link.anchorRange!,
      message: `\`#${link.anchor}\` has characters no heading ID can have${exists ? `: write \`#${cleaned}\`.` : ': write the ID of an existing heading.'}`,
      fix: exists ? { kind: 'safe', title: `Use #${cleaned}`, edits: [{ range: link.anchorRange!, newText: cleaned }] } : undefined,
    });
    return;
  }
  // Upper case is JF036's; compare without it.
  if (anchorOn(page, anchor) !== false) return;
  const skip = around();
  const guess = skip.size ? closestAnchor(anchor, page.anchors.filter((a) => !skip.has(a))) : rememberedGuess(anchor, page.anchors);
  ctx.report({
    range: link.anchorRange!,
    message: `There is no \`#${link.anchor}\` on ${where}${guess ? `: did you mean \`#${guess}\`?` : ': link to an existing heading.'}`,
    fix: guess ? { kind: 'suggestion', title: `Use #${guess}`, edits: [{ range: link.anchorRange!, newText: guess }] } : undefined,
  });
}

function closestAnchor(anchor: string, anchors: readonly string[]): string | undefined {
  return closest(anchor, anchors, (a) => a, Math.max(2, Math.floor(anchor.length / 3)));
}

/**
 * Guesses by the anchor list they were made from: another page's list is the same array for
 * as long as the index keeps that page as it is, so typing does not compute them again.
 */
const guesses = new WeakMap<readonly string[], Map<string, string | undefined>>();

function rememberedGuess(anchor: string, anchors: readonly string[]): string | undefined {
  let known = guesses.get(anchors);
  if (!known) {
    known = new Map();
    guesses.set(anchors, known);
  }
  if (known.has(anchor)) return known.get(anchor);
  const guess = closestAnchor(anchor, anchors);
  known.set(anchor, guess);
  return guess;
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `An anchor is a heading ID as Hugo makes it (from the heading's source text: lower case,
letters, digits, \`_\` and \`-\` kept, spaces as \`-\`, \`-1\`, \`-2\` on repeats, or a
\`{#custom-id}\`), or an \`id\`/\`name\` in the page's HTML. A link whose anchor matches none
lands at the top of the page. The anchor is checked on the page the link lands on, after any
redirect. Same-page anchors are always checked; anchors on other pages when a handbook
checkout is open.

Some pages make headings from data or other files through shortcodes (performance
indicators, team lists, \`include\`): their missing anchors cannot be known from the source
and are not reported.

An anchor with characters no heading ID can have (\`#collaboration[\`) is always wrong; when
removing them gives an existing anchor, that is a safe fix. Otherwise the closest existing
anchor is offered as a suggestion (editor only), never the heading the link itself is in (its
ID is made from its source, the link's destination included).

Bad: \`[Senior](#senior-backend-enginer)\``;
