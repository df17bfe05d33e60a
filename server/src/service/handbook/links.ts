/** What link rules and features may ask of the handbook index. */
export interface HandbookPage {
  readonly uri: string;
  /** `/handbook/hiring/` style, with the trailing slash Hugo uses. */
  readonly path: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly anchors: readonly string[];
  /** Some of its headings are made by shortcodes from data or other files: a missing anchor cannot be known. */
  readonly openAnchors: boolean;
}

/** How the published site answers a link's path. */
export type Resolution =
  /** A page is served at the path. */
  | { readonly status: 'page'; readonly page: HandbookPage }
  /** A redirect serves it: `target` is where the visitor lands (`page` when that is a page here). */
  | { readonly status: 'redirect'; readonly page: HandbookPage | undefined; readonly target: string; readonly origin: string }
  /** Nothing is served: the link is broken. `redirectedTo` when a redirect leads to a missing page. */
  | { readonly status: 'missing'; readonly redirectedTo?: string }
  /** The checkout does not hold that part of the site: the link cannot be judged. */
  | { readonly status: 'unknown'; readonly why: string };

export interface HandbookLinks {
  resolve(path: string): Resolution;
  /** Hugo's `ref`/`relref`: a page or nothing (refs do not follow redirects; a missing one fails the build). */
  resolveRef(arg: string, fromUri: string): Resolution;
  /** The closest existing path to a broken one, computed once per index state. */
  suggest(path: string): string | undefined;
}

/** Whether a page has an anchor; undefined when nobody can know from the source. */
export function anchorOn(page: HandbookPage, anchor: string): boolean | undefined {
  // Fragments match exactly; heading IDs are lower case, so a capitalised link to one is JF036's, not broken.
  if (page.anchors.includes(anchor) || page.anchors.includes(anchor.toLowerCase())) return true;
  return page.openAnchors ? undefined : false;
}
