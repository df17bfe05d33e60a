import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import keyData from '../data/front-matter-keys.json';
import levelData from '../data/level-titles.json';
import wellKnown from '../data/handbook-pages.json';
import type { GradeTable } from '../grades/gradeTable';
import type { HandbookIndex } from '../handbook/index';
import { range } from '../model/lines';
import type { JobFamilyModel } from '../model/model';
import { effectiveKind, standardSection, STANDARD_SECTIONS, type SectionKind } from '../model/sections';
import { SNIPPETS, withPlaceholderDefault } from '../snippets';
import { cursorContext, levelAt, type CursorContext } from './context';
import { nextGrade } from './levels';

export interface CompletionEnv {
  readonly grades: GradeTable;
  /** The handbook index when a checkout is open. */
  readonly index: HandbookIndex | undefined;
}

const MAX_PAGES = 200;
/** Family-wide sections in template order. */
const FAMILY_ORDER: readonly SectionKind[] = ['responsibilities', 'requirements', 'levels', 'segment', 'specialties', 'performance-indicators', 'career-ladder', 'hiring-process'];
/** A level's (or role's) own subsections in template order. */
const LEVEL_ORDER: readonly SectionKind[] = ['job-grade', 'responsibilities', 'requirements', 'performance-indicators'];
const ROLE_ORDER: readonly SectionKind[] = ['job-grade', 'responsibilities', 'requirements', 'performance-indicators', 'career-ladder', 'hiring-process'];

export function completions(model: JobFamilyModel, pos: Position, env: CompletionEnv): CompletionList {
  const ctx = cursorContext(model, pos);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (ctx.inCode) return empty;
  if (ctx.inFrontMatter) return { isIncomplete: false, items: frontMatterItems(model, pos, ctx) };
  const link = linkTarget(ctx.before);
  if (link) return linkItems(model, pos, link, env);
  const heading = /^(#{2,6})[ \t]+([^#]*)$/.exec(ctx.before);
  if (heading) return { isIncomplete: false, items: headingItems(model, pos, ctx, heading[1]!.length, heading[2]!) };
  const grade = gradeItems(pos, ctx, env.grades);
  if (grade) return { isIncomplete: false, items: grade };
  if (/^\s*[\w-]*$/.test(ctx.before)) return { isIncomplete: false, items: snippetItems(model, pos, ctx, env.grades) };
  return empty;
}

// ---- front matter -------------------------------------------------------------------------

function frontMatterItems(model: JobFamilyModel, pos: Position, ctx: CursorContext): CompletionItem[] {
  const keyTyped = /^([A-Za-z_]*)$/.exec(ctx.before);
  const used = new Set(model.frontMatter?.entries.map((e) => e.key));
  if (keyTyped) {
    return keyData.keys
      .filter((k) => !used.has(k.key) && !('obsolete' in k && k.obsolete))
      .map((k, i) => ({
        label: k.key,
        kind: CompletionItemKind.Property,
        detail: k.value,
        documentation: { kind: MarkupKind.Markdown, value: k.doc },
        sortText: String(i).padStart(3, '0'),
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range: range(pos.line, 0, pos.line, pos.character), newText: `${k.key}: ${k.snippet}` },
      }));
  }
  const value = /^([A-Za-z_]+):\s*(\S*)$/.exec(ctx.before);
  const key = value && keyData.keys.find((k) => k.key === value[1]);
  if (key?.value === 'boolean') {
    const start = pos.character - (value?.[2]?.length ?? 0);
    return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value, textEdit: { range: range(pos.line, start, pos.line, pos.character), newText: v } }));
  }
  return [];
}

// ---- headings -----------------------------------------------------------------------------

function headingItems(model: JobFamilyModel, pos: Position, ctx: CursorContext, depth: number, typed: string): CompletionItem[] {
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

export function roleName(model: JobFamilyModel): string {
  const title = (model.title ?? '').replace(/\{add[^}]*\}?/gi, '').trim();
  return title.replace(/\s+(?:roles?|job family)$/i, '') || 'Role';
}

// ---- grades -------------------------------------------------------------------------------

function gradeItems(pos: Position, ctx: CursorContext, grades: GradeTable): CompletionItem[] | undefined {
  const inGradeSection = effectiveKind(ctx.section) === 'job-grade';
  const insideLinkText = /\[\s*grade\s*#?\d*$/i.exec(ctx.before);
  const afterWord = /\bgrade\s*#?\d*$/i.exec(ctx.before);
  const sentence = /\bis an?\s+(?:grade\s*#?\d*)?$/i.test(ctx.before);
  if (!inGradeSection && !sentence) return undefined;
  if (!insideLinkText && !afterWord && !sentence && !/^\s*$/.test(ctx.before.slice(-1))) return undefined;
  const level = ctx.level;
  const fitting = level ? grades.gradeForTitle(level.title) : undefined;
  const link = grades.link();
  return grades.grades.map((g) => {
    const titles = grades.titles(g);
    let newText: string;
    let start: number;
    if (insideLinkText) {
      const digits = /#?\d*$/.exec(ctx.before)![0];
      start = pos.character - digits.length;
      newText = String(g);
    } else if (afterWord) {
      start = pos.character - afterWord[0].length;
      newText = `[grade ${g}](${link})`;
    } else {
      start = pos.character;
      newText = `[grade ${g}](${link})`;
    }
    return {
      label: `grade ${g}`,
      kind: CompletionItemKind.Constant,
      detail: titles.length ? titles.join(', ') : 'outside the general table',
      documentation: { kind: MarkupKind.Markdown, value: gradeDoc(grades, g) },
      sortText: `${g === fitting ? '0' : '1'}${String(g).padStart(2, '0')}`,
      preselect: g === fitting,
      filterText: `grade ${g} ${titles.join(' ')}`,
      textEdit: { range: range(pos.line, start, pos.line, pos.character), newText },
    };
  });
}

export function gradeDoc(grades: GradeTable, g: number): string {
  const rows = grades.rows(g);
  if (!rows.length) return `Grade ${g} is not in the grade table.`;
  return rows
    .map(({ table, row }) => {
      const parts = [row.management.length ? `Management: ${row.management.join(', ')}` : '', row.individual.length ? `Individual contributor: ${row.individual.join(', ')}` : ''].filter(Boolean);
      return `**Grade ${g}** in *${table.name}* (\`#${table.anchor}\`): ${parts.join('; ') || 'no titles'}`;
    })
    .join('\n\n');
}

// ---- links --------------------------------------------------------------------------------

interface LinkTarget {
  /** What is typed of the target so far. */
  readonly typed: string;
  readonly ref: boolean;
}

function linkTarget(before: string): LinkTarget | undefined {
  const ref = /\{\{[<%]\s*(?:ref|relref)\s+"([^"]*)$/.exec(before);
  if (ref) return { typed: ref[1]!, ref: true };
  const md = /\]\(([^)\s]*)$/.exec(before);
  if (md) return { typed: md[1]!, ref: false };
  return undefined;
}

interface PageChoice {
  readonly path: string;
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly anchors: readonly { id: string; text?: string }[];
  /** Path and title in lower case, for filtering as the user types. */
  readonly search: string;
}

/** The list of pages to complete, built once per index state (a handbook has thousands). */
const choiceCache = new WeakMap<HandbookIndex, { readonly version: number; readonly choices: readonly PageChoice[] }>();
const wellKnownChoices: readonly PageChoice[] = wellKnown.pages.map((p) => ({ path: p.path, title: p.title, description: p.description, anchors: p.anchors.map((id) => ({ id })), search: `${p.path}\n${p.title}`.toLowerCase() }));

function pageChoices(env: CompletionEnv): readonly PageChoice[] {
  const index = env.index;
  if (!index?.ready) return wellKnownChoices;
  const hit = choiceCache.get(index);
  if (hit && hit.version === index.version) return hit.choices;
  const choices = index
    .publishedPages()
    .map((p) => ({ path: p.path, title: p.title, description: p.description, anchors: p.headings.map((h) => ({ id: h.id, text: h.text })), search: `${p.path}\n${p.title ?? ''}`.toLowerCase() }))
    .sort((a, b) => a.path.length - b.path.length || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  choiceCache.set(index, { version: index.version, choices });
  return choices;
}

function linkItems(model: JobFamilyModel, pos: Position, link: LinkTarget, env: CompletionEnv): CompletionList {
  const hash = link.typed.indexOf('#');
  if (hash >= 0) {
    const pathPart = link.typed.slice(0, hash);
    const typedAnchor = link.typed.slice(hash + 1);
    const start = pos.character - typedAnchor.length;
    let anchors: readonly { id: string; text?: string }[];
    if (!pathPart) anchors = model.anchors.map((a) => ({ id: a.id, text: model.headings.find((h) => h.line === a.line)?.text }));
    else {
      const page = link.ref ? env.index?.resolveRef(pathPart, model.uri) : env.index?.ready ? env.index.resolve(pathPart) : undefined;
      anchors = page ? page.headings.map((h) => ({ id: h.id, text: h.text })) : (pageChoices(env).find((p) => sameish(p.path, pathPart))?.anchors ?? []);
    }
    return {
      isIncomplete: false,
      items: anchors.map((a, i) => ({
        label: `#${a.id}`,
        kind: CompletionItemKind.Reference,
        detail: a.text,
        sortText: String(i).padStart(4, '0'),
        filterText: `#${a.id} ${a.text ?? ''}`,
        textEdit: { range: range(pos.line, start - 1, pos.line, pos.character), newText: `#${a.id}` },
      })),
    };
  }
  const start = pos.character - link.typed.length;
  const typed = link.typed.toLowerCase();
  // The choices are sorted by path length already: the first matches are the ones to show.
  const pages: PageChoice[] = [];
  let more = false;
  for (const p of pageChoices(env)) {
    if (!p.search.includes(typed)) continue;
    if (pages.length === MAX_PAGES) {
      more = true;
      break;
    }
    pages.push(p);
  }
  const limited = pages;
  return {
    isIncomplete: more,
    items: limited.map((p, i) => {
      const target = link.ref ? p.path.replace(/^\//, '').replace(/\/$/, '') : p.path;
      return {
        label: p.title ?? p.path,
        kind: p.path.startsWith('/job-families/') ? CompletionItemKind.Class : CompletionItemKind.File,
        detail: p.path,
        documentation: p.description ? { kind: MarkupKind.Markdown, value: p.description } : undefined,
        sortText: String(i).padStart(4, '0'),
        filterText: `${p.path} ${p.title ?? ''}`,
        textEdit: { range: range(pos.line, start, pos.line, pos.character), newText: target },
      };
    }),
  };
}

function sameish(a: string, b: string): boolean {
  const n = (s: string): string => s.replace(/^\/|\/$/g, '').toLowerCase();
  return n(a) === n(b) || n(a).endsWith(`/${n(b)}`);
}

// ---- snippets -----------------------------------------------------------------------------

function snippetItems(model: JobFamilyModel, pos: Position, ctx: CursorContext, grades: GradeTable): CompletionItem[] {
  const typed = /[\w-]*$/.exec(ctx.before)![0];
  const start = pos.character - typed.length;
  const level = ctx.level ?? [...model.levels].reverse().find((l) => (l.section?.startLine ?? 0) < pos.line);
  const next = nextGrade(grades, level?.grade?.grade);
  return SNIPPETS.flatMap((s, i) => {
    const isPage = s.name.startsWith('Job family');
    if (isPage && model.frontMatter) return [];
    let body = [...s.body];
    if (s.name === 'Level' || s.name === 'Role') {
      const stop = s.name === 'Level' ? 3 : 4;
      if (next !== undefined) body = withPlaceholderDefault(body, stop, String(next));
    }
    return s.prefix.slice(0, 1).map((prefix) => ({
      label: prefix,
      kind: CompletionItemKind.Snippet,
      detail: s.name,
      documentation: { kind: MarkupKind.Markdown, value: `${s.description}${(s.name === 'Level' || s.name === 'Role') && next !== undefined ? `\n\nGrade ${next} (the next grade after the level above).` : ''}` },
      sortText: `${isPage ? '0' : '1'}${String(i).padStart(3, '0')}`,
      filterText: `${s.prefix.join(' ')} ${s.name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: range(pos.line, start, pos.line, pos.character), newText: body.join('\n') },
    }));
  });
}
