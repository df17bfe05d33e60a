import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import keyData from '../data/front-matter-keys.json';
import { gradeDoc, type GradeTable } from '../grades/gradeTable';
import type { HandbookIndex, IndexedPage } from '../handbook/index';
import { rangeContains } from '../model/lines';
import type { JobFamilyModel, Link } from '../model/model';
import { effectiveKind, standardSection } from '../model/sections';
import { REQUIRED } from '../rules/requiredSection';

export function hover(model: JobFamilyModel, pos: Position, grades: GradeTable, index: HandbookIndex | undefined): Hover | null {
  const grade = model.grades.find((g) => rangeContains(g.range, pos) && (!g.link || !g.link.anchorRange || !rangeContains(g.link.targetRange, pos)));
  if (grade) {
    const value = grade.grade === undefined ? 'The grade is still the template\'s `#`: write the level\'s grade number.' : gradeDoc(grades, grade.grade);
    return { contents: { kind: MarkupKind.Markdown, value }, range: grade.range };
  }
  const link = model.links.find((l) => rangeContains(l.range, pos));
  if (link) return { contents: { kind: MarkupKind.Markdown, value: linkDoc(model, link, index) }, range: link.range };
  const heading = model.sections.find((s) => s.heading && s.heading.line === pos.line);
  const kind = heading && effectiveKind(heading);
  if (heading?.heading && kind) {
    const std = standardSection(kind);
    const required = REQUIRED.includes(kind) ? '\n\n*Required by the handbook CI for every job family.*' : '';
    const prefix = heading.prefix ? `\n\nThis is the **${std.title}** of the level *${heading.prefix}*.` : '';
    return { contents: { kind: MarkupKind.Markdown, value: `**${std.title}**: ${std.guide}${prefix}${required}` }, range: heading.heading.textRange };
  }
  const entry = model.frontMatter?.entries.find((e) => e.keyRange.start.line === pos.line && rangeContains(e.keyRange, pos));
  if (entry) {
    const known = keyData.keys.find((k) => k.key === entry.key);
    return known ? { contents: { kind: MarkupKind.Markdown, value: `\`${known.key}\` (${known.value}): ${known.doc}` }, range: entry.keyRange } : null;
  }
  return null;
}

function linkDoc(model: JobFamilyModel, link: Link, index: HandbookIndex | undefined): string {
  if (link.kind === 'external') return `External link: \`${link.target}\``;
  if (link.kind === 'legacy') return `An absolute handbook URL: write \`${link.relative ?? link.path}\` instead.`;
  if (link.kind === 'same-page') {
    const a = model.anchors.find((x) => x.id === link.anchor?.toLowerCase());
    const h = a && model.headings.find((x) => x.line === a.line);
    return a ? `Heading on this page: **${h?.text ?? a.id}** (line ${a.line + 1})` : `\`#${link.anchor ?? ''}\` is not an anchor on this page.`;
  }
  if (!index?.ready) return `\`${link.path}\`: not checked, because no handbook checkout (a folder with \`content/handbook\` or \`content/job-families\`) is open.`;
  let page: IndexedPage | undefined;
  let via = '';
  if (link.kind === 'ref') page = index.resolveRef(link.path, model.uri);
  else {
    const r = index.lookup(link.path);
    if (r.status === 'unknown') return `\`${link.path}\`: not checked, because ${r.why}.`;
    if (r.status === 'redirect') {
      if (!r.page) return `\`${link.path}\` redirects to ${r.target} (${r.origin}).`;
      page = r.page as IndexedPage;
      via = `Reached through a redirect (${r.origin}).`;
    } else if (r.status === 'page') page = r.page as IndexedPage;
    else if (r.redirectedTo) return `\`${link.path}\` redirects to \`${r.redirectedTo}\`, which is not a page of the site.`;
  }
  if (!page) {
    const guess = link.kind === 'ref' ? undefined : index.suggestPath(link.path);
    return `\`${link.path}\` names no page of the site${guess ? `; the closest is \`${guess}\`` : ''}.`;
  }
  const lines = [`**${page.title ?? page.path}**`, '', `\`${page.path}\``];
  if (via) lines.push('', via);
  if (page.description) lines.push('', page.description);
  if (link.anchor) {
    const h = page.headings.byId(link.anchor.toLowerCase());
    lines.push('', h ? `Section: **${h.text}**` : page.openAnchors ? `\`#${link.anchor}\` is not a heading written in that page; some of its headings are made from data, so it may still exist.` : `\`#${link.anchor}\` is not an anchor on that page.`);
  }
  return lines.join('\n');
}
