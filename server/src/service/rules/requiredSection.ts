import type { GradeTable } from '../grades/gradeTable';
import type { JobFamilyModel } from '../model/model';
import { effectiveKind, standardSection, type Section, type SectionKind } from '../model/sections';
import { expandSnippet, sectionSnippet, shiftHeadings } from '../snippets';
import { insertLines } from './helpers';
import type { Fix, Rule } from './types';

/** What the handbook CI requires of every job family. */
export const REQUIRED: readonly SectionKind[] = ['responsibilities', 'requirements', 'job-grade', 'performance-indicators', 'hiring-process'];

const LOOSE: Partial<Record<SectionKind, RegExp>> = {
  responsibilities: /responsibilit/i,
  requirements: /requirement/i,
  'performance-indicators': /performance indicator|\bKPIs?\b|\bPIs?\b/i,
  'hiring-process': /hiring process|interview process/i,
  'job-grade': /\bgrade/i,
};

const SALES_PI_SHORTCODE = 'job-families/sales/performance';

/** Whether any page of the family has the section (a misspelt or extended heading counts). */
export function familyHas(members: readonly JobFamilyModel[], kind: SectionKind): boolean {
  return members.some((m) => {
    if (m.sections.some((s) => s.heading && (effectiveKind(s) === kind || s.alsoKind === kind || LOOSE[kind]?.test(s.heading.text)))) return true;
    if (kind === 'job-grade') return m.grades.some((g) => g.grade !== undefined || g.form === 'linked');
    if (kind === 'performance-indicators') return m.shortcodes.some((s) => s.name === SALES_PI_SHORTCODE);
    return false;
  });
}

export const requiredSection: Rule = {
  meta: {
    id: 'JF012',
    alias: 'required-section',
    description: 'The job family has Responsibilities, Requirements, a Job Grade, Performance Indicators and a Hiring Process.',
    severity: 'error',
    tags: ['ci', 'structure'],
    fixable: true,
  },
  check(ctx) {
    const { model, family } = ctx;
    // An expertise is free-form, not a hired role; an unclosed front matter hides the whole page (JF002).
    if (!family.checksFamily || model.layout === 'expertise' || (model.frontMatter && model.frontMatter.closeLine === undefined)) return;
    // Roles without a grade are reported one by one, where each grade goes (JF023).
    const hasRoles = model.levels.some((l) => l.kind !== 'page');
    const missing = REQUIRED.filter((k) => !familyHas(family.members, k) && !(k === 'job-grade' && hasRoles));
    for (const kind of missing) {
      const title = standardSection(kind).title;
      ctx.report({
        range: model.titleRange,
        message: `The job family has no ${title} section, which the handbook CI requires: add \`## ${title}\`.`,
        fix: insertSectionFix(model, kind, ctx.grades),
      });
    }
  },
};

/** The template order of a family-wide section; a page-wide Job Grade goes first, as in Template 2. */
function rank(kind: SectionKind): number {
  return kind === 'job-grade' ? 0 : standardSection(kind).order;
}

/**
 * Where a section's heading block begins. A setext heading's text can follow link reference
 * definitions in one paragraph (`[r1]: /x` over `    Title` over `===`): inserting between
 * them would leave the heading's first line after a blank line, where its indent makes it code.
 */
function blockStart(model: JobFamilyModel, s: Section): number {
  let line = s.startLine;
  if (!s.heading?.setext) return line;
  while (line - 1 >= model.bodyStartLine && /^ {0,3}\[[^\]]+\]:/.test(model.lines.line(line - 1))) line--;
  return line;
}

/**
 * Inserts a missing family-wide section before the first section of the same heading level
 * that the template puts after it (or at the end), from the standard snippet.
 */
function insertSectionFix(model: JobFamilyModel, kind: SectionKind, grades: GradeTable): Fix | undefined {
  const snippet = sectionSnippet(kind);
  if (!snippet) return undefined;
  // Family-wide sections are `##`; a split family's level file uses `###` throughout.
  const depths = model.sections.filter((s) => s.heading).map((s) => s.depth);
  const depth = depths.includes(2) || !depths.length ? 2 : Math.min(...depths);
  const next = model.sections.find((s) => {
    const k = s.heading && s.depth === depth ? effectiveKind(s) : undefined;
    return k !== undefined && rank(k) > rank(kind);
  });
  const values: Record<number, string> = kind === 'job-grade' && model.title ? { 1: model.title } : {};
  let lines = shiftHeadings(expandSnippet(snippet.body, values), depth - 2);
  const grade = kind === 'job-grade' && model.title ? grades.gradeForTitle(model.title) : undefined;
  if (grade !== undefined) lines = lines.map((l) => l.replace('[grade #]', `[grade ${grade}]`));
  const at = next ? blockStart(model, next) : model.lines.lineCount;
  const block = next ? [...lines, ''] : ['', ...lines];
  return { kind: 'suggestion', title: `Add a ${standardSection(kind).title} section`, edits: [insertLines(model, at, block)] };
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook CI ("Failed Pipeline" in the job-family guide) rejects a job family that lacks
any of: Responsibilities, Requirements, a Job Grade, Performance Indicators, a Hiring Process.

The check is per family: in a split family (a folder with \`_index.md\` and one file per
level) the sections may live in any of its files, and the finding is reported on
\`_index.md\`. The sales shortcode \`{{% job-families/sales/performance %}}\` counts as
Performance Indicators. A folder's landing page (an \`_index.md\` with no job-family content)
is not checked.

The fix inserts the section, from the standard snippets, where the template puts it, with
\`{add …}\` placeholders to fill in.`;
