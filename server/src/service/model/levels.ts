import type { Range } from 'vscode-languageserver-types';
import type { GradeMention } from './grades';
import { hasAncestorKind, type Section, type SectionKind } from './sections';

export type Track = 'individual' | 'management';

export interface Level {
  /** "Senior Backend Engineer": the level heading, or the page title for a level file. */
  readonly title: string;
  readonly titleRange: Range;
  /** Undefined when the whole page is the level (a split family's level file, a single-role page). */
  readonly section: Section | undefined;
  readonly track: Track;
  /** Its standard subsections (Job Grade, Responsibilities, …), by kind. */
  readonly subsections: ReadonlyMap<SectionKind, Section>;
  /** The grade sentence's mention, when the level has one. */
  readonly grade: GradeMention | undefined;
  /** Every grade mention inside the level (nested levels excluded). */
  readonly grades: readonly GradeMention[];
}

export type Layout =
  /** `## Levels` with `###` levels, each with `####` subsections. */
  | 'template-1'
  /** `##` roles, each with `###` subsections. */
  | 'template-2'
  /** The page is one role: a split family's level file or a single-role page. */
  | 'single-role'
  /** An `_index.md` with family-wide sections and no levels of its own. */
  | 'index'
  /** An `_index.md` or overview with no job-family structure: a landing page. */
  | 'landing'
  /** A page without levels or a grade yet. */
  | 'other';

// "Manager, X" manages people; "X Manager" (Product Manager, Marketing Manager) names a function.
const MANAGEMENT = [
  /\b(?:director|vp|vice[\s-]president|president|head\s+of|chief|officer|ceo|cfo|cto|cmo|cio|ciso|cpo|cro|clo|evp|svp|cxo)\b/i,
  /^(?:(?:senior|sr\.?|group|associate|general)\s+)?managers?\b/i,
  /\bmanager\s*(?:,|of\b|\()/i,
  /\b(?:engineering|people|team)\s+manager\b/i,
  /\bleadership\b/i,
];
const LEVEL_WORD = /\b(?:intern|junior|associate|intermediate|senior|sr\.?|staff|principal|distinguished|fellow|lead|manager|director|vp|vice president|head|chief|specialist|analyst|engineer|representative|executive|partner)\b/i;
const LEVEL_PARTS: readonly SectionKind[] = ['job-grade', 'responsibilities', 'requirements', 'performance-indicators', 'nice-to-haves', 'career-ladder', 'hiring-process'];
const NOT_LEVELS: readonly SectionKind[] = ['specialties', 'segment', 'hiring-process', 'career-ladder', 'performance-indicators'];

export function trackOf(title: string): Track {
  return MANAGEMENT.some((re) => re.test(title)) ? 'management' : 'individual';
}

/**
 * A level (or template 2 role) is a non-standard heading that sits under `## Levels`, or has
 * its own Job Grade subsection, or states a grade in its own text.
 */
export function findLevels(
  sections: readonly Section[],
  grades: readonly GradeMention[],
  page: { title: string | undefined; titleRange: Range },
): Level[] {
  const byLine = [...grades].sort((a, b) => a.line - b.line);
  // Children after a "### Specialties" or "### Segment" inside Levels are specialties, not levels.
  const specialtyLine = new Map<Section, number>();
  const firstSpecialtyLine = (parent: Section): number => {
    let at = specialtyLine.get(parent);
    if (at === undefined) {
      at = parent.children.find((o) => o.kind === 'specialties' || o.kind === 'segment')?.startLine ?? Infinity;
      specialtyLine.set(parent, at);
    }
    return at;
  };
  const statesGrade = (s: Section): boolean => {
    const firstChild = s.children[0]?.startLine ?? s.endLine;
    for (let k = firstAtOrAfter(byLine, s.bodyStartLine); k < byLine.length && byLine[k]!.line < firstChild; k++) {
      if (byLine[k]!.form !== 'bare') return true;
    }
    return false;
  };
  const isLevel = (s: Section): boolean => {
    if (!s.heading || s.kind || s.misspelling || s.depth < 2) return false;
    if (hasAncestorKind(s, NOT_LEVELS)) return false;
    if (s.parent?.kind === 'levels') {
      if (s.startLine > firstSpecialtyLine(s.parent)) return false;
      if (LEVEL_WORD.test(s.heading.text) || s.children.some((c) => c.prefix)) return true;
    }
    if (s.children.some((c) => (c.kind ?? c.misspelling?.kind) === 'job-grade')) return true;
    return statesGrade(s);
  };
  // A page that states its own grade at the top (`## Job Grade` before any level) is one role.
  const pageGrade = sections.find((s) => s.depth === 2 && s.parent?.depth === 0 && (s.kind ?? s.misspelling?.kind) === 'job-grade');
  const levelSections = pageGrade && sections.indexOf(pageGrade) <= 2 ? [] : sections.filter(isLevel);
  // A level inside another level is a sub-role heading of the outer one, not a level of its own.
  // Sections come in document order, so one sweep finds the outermost ones.
  const outer: Section[] = [];
  let outerEnd = -1;
  for (const s of levelSections) {
    if (s.startLine < outerEnd) continue;
    outer.push(s);
    outerEnd = s.endLine;
  }

  const levels: Level[] = outer.map((s) => {
    const subsections = new Map<SectionKind, Section>();
    for (const c of s.children) {
      const kind = c.kind ?? c.misspelling?.kind;
      if (kind && LEVEL_PARTS.includes(kind) && !subsections.has(kind)) subsections.set(kind, c);
    }
    const inside = byLine.slice(firstAtOrAfter(byLine, s.startLine), firstAtOrAfter(byLine, s.endLine));
    return {
      title: s.heading!.text,
      titleRange: s.heading!.textRange,
      section: s,
      track: trackOf(s.heading!.text),
      subsections,
      grade: gradeSentence(inside, subsections.get('job-grade')),
      grades: inside,
    };
  });
  if (levels.length) return levels;

  const gradeSection = sections.find((s) => (s.kind ?? s.misspelling?.kind) === 'job-grade');
  const sentence = gradeSentence(grades, gradeSection);
  if (!gradeSection && !sentence) return [];
  const subsections = new Map<SectionKind, Section>();
  for (const s of sections) {
    const kind = s.kind ?? s.misspelling?.kind;
    if (kind && LEVEL_PARTS.includes(kind) && !subsections.has(kind)) subsections.set(kind, s);
  }
  const title = page.title ?? '';
  return [{ title, titleRange: page.titleRange, section: undefined, track: trackOf(title), subsections, grade: sentence, grades }];
}

/** Index of the first mention on or after `line` (mentions sorted by line). */
function firstAtOrAfter(mentions: readonly GradeMention[], line: number): number {
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (mentions[mid]!.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function gradeSentence(grades: readonly GradeMention[], gradeSection: Section | undefined): GradeMention | undefined {
  if (gradeSection) {
    const inSection = grades.find((g) => g.line >= gradeSection.bodyStartLine && g.line < gradeSection.endLine);
    if (inSection) return inSection;
  }
  return grades.find((g) => g.subject !== undefined);
}

export function layoutOf(
  levels: readonly Level[],
  sections: readonly Section[],
  fileName: string,
): Layout {
  const isIndex = fileName === '_index.md';
  const standard = sections.some((s) => s.kind && s.kind !== 'compensation' && s.kind !== 'about-gitlab');
  if (!levels.length) {
    if (isIndex || /(^|\/)overview\//.test(fileName)) return standard ? 'index' : 'landing';
    return 'other';
  }
  if (levels.length === 1 && !levels[0]!.section) return 'single-role';
  const depth = Math.min(...levels.map((l) => l.section?.depth ?? 9));
  return depth <= 2 ? 'template-2' : 'template-1';
}
