import type { JobFamilyModel } from '../model/model';
import type { HandbookLinks } from './links';

/** Link kinds that land on a page of the site, whose anchors the link rules and features read. */
const SITE_KINDS = new Set(['handbook', 'job-family', 'site', 'ref', 'relative']);

/**
 * The pages that the page's links with an anchor land on (redirects followed): the only other
 * pages whose anchors a check of this page, its links and its hovers read.
 */
export function pagesLinkedByAnchor(model: JobFamilyModel, handbook: HandbookLinks): string[] {
  const uris = new Set<string>();
  for (const link of model.links) {
    if (!link.anchor || !SITE_KINDS.has(link.kind)) continue;
    const r = link.kind === 'ref' ? handbook.resolveRef(link.path, model.uri) : link.path ? handbook.resolve(link.path) : undefined;
    const page = r?.status === 'page' || r?.status === 'redirect' ? r.page : undefined;
    if (page && page.uri !== model.uri) uris.add(page.uri);
  }
  return [...uris];
}
