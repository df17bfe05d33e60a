import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import levelData from '../../data/level-titles.json';
import { range } from '../../model/lines';
import type { JobFamilyModel } from '../../model/model';
import { roleName } from '../../model/names';
import { effectiveKind, standardSection, STANDARD_SECTIONS, type SectionKind } from '../../model/sections';
import { levelAt, type CursorContext } from '../context';

/** Family-wide sections in template order. */
const FAMILY_ORDER: readonly SectionKind[] = ['responsibilities', 'requirements', 'levels', 'segment', 'specialties', 'performance-indicators', 'career-ladder', 'hiring-process'];
/** A level's (or role's) own subsections in template order. */
const LEVEL_ORDER: readonly SectionKind[] = ['job-grade', 'responsibilities', 'requirements', 'performance-indicators'];
const ROLE_ORDER: readonly SectionKind[] = ['job-grade', 'responsibilities', 'requirements', 'performance-indicators', 'career-ladder', 'hiring-process'];

/** After `##`, `###`, `####`: the sections the template expects there that the page lacks, or level titles under Levels. */
export function headingItems(model: JobFamilyModel, pos: Position, ctx: CursorContext, depth: number, typed: string): CompletionItem[] {
  const start = pos.character - typed.length;
  const replace = range(pos.line, start, pos.line, pos.character);
  const item = (label: string, detail: string, kind: SectionKind | undefined, order: number): CompletionItem => ({
    label,
    kind: kind ? CompletionItemKind.Module : CompletionItemKind.Class,
    detail,
    documentation: kind ? { kind: MarkupKind.Markdown, value: standardSection(kind).guide } : undefined,
    sortText: String(order).padStart(3, '0'),
    filterText: label,
    textEdit: { range: replace, newText: label },
  });
  // The heading the cursor is on is not "present" yet.
  const others = model.sections.filter((s) => s.heading && s.startLine !== pos.line);
  const parent = (() => {
    let p = ctx.section;
    if (p.startLine === pos.line && p.parent) p = p.parent;
    while (p.depth >= depth && p.parent) p = p.parent;
    return p;
  })();

  if (depth === 2) {
    const have = new Set(others.filter((s) => s.depth === 2).map((s) => effectiveKind(s)));
    if (model.layout === 'template-2' || model.levels.some((l) => l.section?.depth === 2)) {
      return FAMILY_ORDER.filter((k) => k !== 'levels' && !have.has(k)).map((k, i) => item(standardSection(k).title, 'family-wide section', k, i));
    }
    return FAMILY_ORDER.filter((k) => !have.has(k)).map((k, i) => item(standardSection(k).title, 'section of Template 1', k, i));
  }

  const parentKind = effectiveKind(parent);
  const level = model.levels.find((l) => l.section === parent) ?? (parent.depth === 0 ? undefined : levelAt(model, pos.line));
  if (parentKind === 'levels' && depth === parent.depth + 1) return levelTitleItems(model, replace);
  if (level?.section && depth === level.section.depth + 1) {
    const present = new Set(level.section.children.filter((c) => c.startLine !== pos.line).map((c) => effectiveKind(c)));
    const order = level.section.depth === 2 ? ROLE_ORDER : LEVEL_ORDER;
    const prefix = level.section.depth === 2 ? '' : `${level.title} `;
    return order.filter((k) => !present.has(k)).map((k, i) => item(`${prefix}${standardSection(k).title}`, `subsection of ${level.title}`, k, i));
  }
  if (parentKind === 'specialties' || parentKind === 'segment') return [];
  return STANDARD_SECTIONS.filter((s) => !s.siteGenerated && s.levelSubsection).map((s, i) => item(s.title, 'standard section', s.kind, i));
}

/** "Senior Backend Engineer", "Backend Engineer (Intermediate)", …: the ladder for this family's role. */
function levelTitleItems(model: JobFamilyModel, replace: ReturnType<typeof range>): CompletionItem[] {
  const role = roleName(model);
  const present = new Set(model.levels.map((l) => l.title.toLowerCase()));
  const all = [...levelData.individual.map((l) => ({ ...l, track: 'individual contributor' })), ...levelData.management.map((l) => ({ ...l, track: 'management' }))];
  return all.map((l, i) => {
    const label = l.pattern.replace('{role}', role);
    return {
      label,
      kind: CompletionItemKind.Class,
      detail: `grade ${l.grade} · ${l.track}`,
      documentation: { kind: MarkupKind.Markdown, value: l.title === 'Intermediate' ? 'The intermediate level has no prefix: the role name with "(Intermediate)" after it.' : `${l.title} level.` },
      sortText: `${present.has(label.toLowerCase()) ? '1' : '0'}${String(i).padStart(3, '0')}`,
      textEdit: { newText: label, range: replace },
    };
  });
}
