import type { DocumentLink, Location, Position } from 'vscode-languageserver-types';
import type { HandbookIndex, IndexedPage } from '../handbook/index';
import { range, rangeContains } from '../model/lines';
import type { JobFamilyModel, Link } from '../model/model';

function targetOf(model: JobFamilyModel, link: Link, index: HandbookIndex | undefined): { page: IndexedPage; line: number } | undefined {
  if (!index?.ready) return undefined;
  let page: IndexedPage | undefined;
  if (link.kind === 'ref') page = index.resolveRef(link.path, model.uri);
  else if (link.kind === 'handbook' || link.kind === 'job-family' || link.kind === 'site') page = index.resolve(link.path);
  if (!page) return undefined;
  const heading = link.anchor ? page.headings.byId(link.anchor.toLowerCase()) : undefined;
  return { page, line: heading?.line ?? 0 };
}

/** Handbook paths open the local page, at the heading their anchor names. */
export function documentLinks(model: JobFamilyModel, index: HandbookIndex | undefined): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const link of model.links) {
    if (link.kind === 'same-page') {
      const a = model.anchors.find((x) => x.id === link.anchor?.toLowerCase());
      if (a && link.targetRange !== link.range) out.push({ range: link.targetRange, target: `${model.uri}#L${a.line + 1}`, tooltip: 'Go to the heading' });
      continue;
    }
    const t = targetOf(model, link, index);
    if (t && link.targetRange !== link.range) out.push({ range: link.targetRange, target: `${t.page.uri}#L${t.line + 1}`, tooltip: t.page.title ?? t.page.path });
  }
  return out;
}

export function definition(model: JobFamilyModel, pos: Position, index: HandbookIndex | undefined): Location | null {
  const link = model.links.find((l) => rangeContains(l.range, pos));
  if (!link) return null;
  if (link.kind === 'same-page') {
    const a = model.anchors.find((x) => x.id === link.anchor?.toLowerCase());
    return a ? { uri: model.uri, range: range(a.line, 0, a.line, 0) } : null;
  }
  const t = targetOf(model, link, index);
  return t ? { uri: t.page.uri, range: range(t.line, 0, t.line, 0) } : null;
}
