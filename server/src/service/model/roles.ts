import type { Range } from 'vscode-languageserver-types';
import type { GradeMention } from './grades';
import { range } from './lines';
import { namesMatch, words } from './names';
import { effectiveKind, hasAncestorKind, type Section, type SectionKind } from './sections';

export type Track = 'individual' | 'management';

/**
 * - `level`: a level of a ladder (Template 1: a heading under `## Levels`);
 * - `role`: a role of its own (Template 2: a `##` role with `###` sections), or a role heading on a page without Levels;
 * - `page`: the whole page is the role (a split family's level file, a single-role page).
 */
export type RoleKind = 'level' | 'role' | 'page';

/** A hired position: a level, a Template 2 role, or the page itself. */
export interface Level {
  /** "Senior Backend Engineer": the heading, the name its sections give it, or the page title. */
  readonly title: string;
  readonly titleRange: Range;
  /** The heading's section; undefined when the whole page is the role. */
  readonly section: Section | undefined;
  readonly kind: RoleKind;
  readonly track: Track;
  /** First line of the role's text and the line after its last (its sections included). */
  readonly startLine: number;
  readonly endLine: number;
  /** Its standard sections (Job Grade, Responsibilities, …), the first of each kind. */
  readonly subsections: ReadonlyMap<SectionKind, Section>;
  /** Every standard section of the role, in page order. */
  readonly parts: readonly Section[];
  /** The grade sentence's mention, when the role has one. */
  readonly grade: GradeMention | undefined;
  /** Every grade mention inside the role. */
  readonly grades: readonly GradeMention[];
  /** Roles of one ladder are in ascending grade order; roles of different ladders are not compared. */
  readonly ladder: number;
  /** The role has no heading of its own: its sections follow another level's (a missing level heading). */
  readonly headingless: boolean;
}

/** A specialty or segment: described like a role but without a grade, and not a role. */
export interface Specialty {
  readonly title: string;
  readonly section: Section;
}

export type Layout =
  /** `## Levels` with `###` levels, each with `####` subsections. */
  | 'template-1'
  /** Roles at `##`, each with `###` subsections. */
  | 'template-2'
  /** The page is one role: a split family's level file or a single-role page. */
  | 'single-role'
  /** An `_index.md` with family-wide sections and no levels of its own. */
  | 'index'
  /** An `_index.md` or overview with no job-family structure: a landing page. */
  | 'landing'
  /** An expertise (`job-families/expert/…`): free-form, not a hired role. */
  | 'expertise'
  /** A page without levels or a grade yet. */
  | 'other';

/** What is wrong with how levels and their sections are laid out; one per root cause. */
export interface StructureProblem {
  readonly kind: 'missing-heading' | 'part-depth' | 'names-disagree';
  readonly range: Range;
  readonly message: string;
  readonly role: Level;
  /** Sections whose names the problem already explains (no other finding should repeat it). */
  readonly explains: readonly Section[];
  readonly fix?: { readonly title: string; readonly edits: readonly { range: Range; newText: string }[] };
  /** The fix is one reading of the page among others: offered, never applied by Fix all. */
  readonly suggestion?: boolean;
}

export interface Structure {
  readonly roles: readonly Level[];
  readonly specialties: readonly Specialty[];
  /** Standard sections outside every role and specialty: what applies to the whole family. */
  readonly familyWide: readonly Section[];
  readonly layout: Layout;
  readonly problems: readonly StructureProblem[];
  /** Headings that are a level's grade section under the level's own name. */
  readonly gradeAliases: readonly Section[];
}

// "Manager, X" manages people; "X Manager" (Product Manager, Marketing Manager) names a function.
const MANAGEMENT = [
  /\b(?:director|vp|vice[\s-]president|president|head\s+of|chief|officer|ceo|cfo|cto|cmo|cio|ciso|cpo|cro|clo|evp|svp|cxo)\b/i,
  /^(?:(?:senior|sr\.?|group|associate|general)\s+)?managers?\b/i,
  /\bmanager\s*(?:,|of\b|\()/i,
  /\b(?:engineering|people|team)\s+manager\b/i,
  /\bleadership\b/i,
];
/** Words that make a heading under Levels a level even before it has a grade. */
const SENIORITY = /\b(?:intern|junior|jr\.?|associate|intermediate|senior|sr\.?|staff|principal|distinguished|fellow|lead|manager|director|vp|vice president|head|chief|executive|officer|president)\b/i;
const PARTS: ReadonlySet<SectionKind> = new Set(['job-grade', 'responsibilities', 'requirements', 'nice-to-haves', 'performance-indicators', 'career-ladder', 'hiring-process']);
/** Kinds that, written at a `##` role's own depth right after it, still belong to it. */
const ATTACHED_AT_ROLE_DEPTH: ReadonlySet<SectionKind> = new Set(['job-grade', 'responsibilities', 'requirements', 'nice-to-haves']);
const CONTAINERS: ReadonlySet<SectionKind> = new Set(['levels', 'specialties', 'segment']);
/** Headings under these are not roles unless they state a grade. */
const NOT_ROLES: readonly SectionKind[] = ['specialties', 'segment', 'hiring-process', 'career-ladder', 'performance-indicators'];

export function trackOf(title: string): Track {
  return MANAGEMENT.some((re) => re.test(title)) ? 'management' : 'individual';
}

interface PageInfo {
  readonly title: string | undefined;
  readonly titleRange: Range;
  readonly uri: string;
  readonly fileName: string;
  readonly lineCount: number;
  readonly lineText: (n: number) => string;
  readonly eol: string;
}

/** A title with a qualifier: in parentheses, after a dash or after a colon. */
const QUALIFIED = /\(.*\)|\s[-–—]\s|:\s/;

/** Reads the page's roles, specialties and family-wide sections from its heading tree and grades. */
export function findStructure(sections: readonly Section[], grades: readonly GradeMention[], page: PageInfo): Structure {
  const byLine = [...grades].sort((a, b) => a.line - b.line);
  const gradesIn = (from: number, to: number): GradeMention[] => byLine.slice(firstAtOrAfter(byLine, from), firstAtOrAfter(byLine, to));
  // A heading under a level that repeats the level's name and holds its grade sentence is the
  // level's grade section under another title ("#### Staff X" under "### Staff X").
  const gradeAliases = new Set<Section>();
  for (const s of sections) {
    const p = s.parent;
    if (!s.heading || !p?.heading || effectiveKind(s) !== undefined || effectiveKind(p) !== undefined) continue;
    // A heading with sections of its own is the level itself; an h1 is the page's title.
    if (s.children.length || p.depth < 2 || !namesMatch(s.heading.text, p.heading.text)) continue;
    const firstChild = s.children[0]?.startLine ?? s.endLine;
    if (gradesIn(s.bodyStartLine, firstChild).some((g) => g.form !== 'bare')) gradeAliases.add(s);
  }
  const kindOf = (s: Section): SectionKind | undefined => (gradeAliases.has(s) ? 'job-grade' : effectiveKind(s));
  // Where each section sits among its siblings, so no walk asks `indexOf` again and again.
  const place = new Map<Section, number>();
  for (const s of sections) s.children.forEach((c, i) => place.set(c, i));
  const laterSiblings = (s: Section): readonly Section[] => (s.parent ? s.parent.children.slice((place.get(s) ?? s.parent.children.length) + 1) : []);
  const isPart = (s: Section): boolean => {
    const k = kindOf(s);
    return k !== undefined && PARTS.has(k);
  };
  /** The text of a section before its first child states a grade (not a bare number). */
  const statesGrade = (s: Section): boolean => {
    const firstChild = s.children[0]?.startLine ?? s.endLine;
    return gradesIn(s.bodyStartLine, firstChild).some((g) => g.form !== 'bare');
  };
  /** The level's Job Grade written as the heading's next sibling, at its own depth. */
  const siblingGrade = (s: Section): boolean => {
    const next = s.parent?.children[(place.get(s) ?? -2) + 1];
    return next !== undefined && kindOf(next) === 'job-grade' && next.prefix !== '' && namesMatch(next.prefix, s.heading?.text ?? '');
  };
  const hasGradeEvidence = (s: Section): boolean => s.children.some((c) => kindOf(c) === 'job-grade') || statesGrade(s) || siblingGrade(s);

  // Which headings sit in a specialty or segment: under such a container, or after one inside Levels.
  const inSpecialty = new Set<Section>();
  const specialtyParents = new Set<Section | undefined>();
  for (const s of sections) {
    if (!s.heading) continue;
    const k = kindOf(s);
    if (k === 'specialties' || k === 'segment') {
      if (!inSpecialty.has(s)) for (const d of descendants(s)) inSpecialty.add(d);
      // A "### Specialties" inside Levels makes the headings after it specialties too (an
      // earlier one under the same parent has already taken them).
      if (specialtyParents.has(s.parent)) continue;
      specialtyParents.add(s.parent);
      for (const later of laterSiblings(s)) {
        if (kindOf(later) === undefined && !hasGradeEvidence(later)) {
          inSpecialty.add(later);
          for (const d of descendants(later)) inSpecialty.add(d);
        }
      }
    }
  }

  // Levels filed under Specialties (or a Segment): beside levels that state their grades, a
  // heading named as a level ("Staff …", or with its own "Staff … Responsibilities") is a level
  // whose grade is missing, not a specialty.
  const levelAmongLevels = (s: Section): boolean => {
    const parent = s.parent;
    if (!parent || (kindOf(parent) !== 'specialties' && kindOf(parent) !== 'segment')) return false;
    if (!parent.children.some((c) => c !== s && kindOf(c) === undefined && hasGradeEvidence(c))) return false;
    const title = s.heading?.text ?? '';
    // "Manager, Infrastructure (Delivery)", "Backend Engineer - Database": a role with a specialty.
    if (QUALIFIED.test(title)) return false;
    return SENIORITY.test(title) || s.children.some((c) => isPart(c) && c.prefix !== '' && namesMatch(c.prefix, title));
  };

  // Role headings: not standard, and shown to be roles by where they sit or what they hold.
  const hasLevels = sections.some((s) => kindOf(s) === 'levels' && s.children.length > 0);
  const candidates: Section[] = [];
  for (const s of sections) {
    if (!s.heading || s.depth < 2 || kindOf(s) !== undefined) continue;
    const grade = hasGradeEvidence(s);
    const filedAway = inSpecialty.has(s) || hasAncestorKind(s, NOT_ROLES);
    const ungradedLevel = !grade && filedAway && levelAmongLevels(s);
    if (filedAway && !grade && !ungradedLevel) continue;
    const parent = s.parent;
    if (parent && kindOf(parent) === 'levels') {
      if (grade || SENIORITY.test(s.heading.text) || s.children.some((c) => isPart(c) && c.prefix !== '')) candidates.push(s);
      continue;
    }
    if (grade || ungradedLevel) {
      candidates.push(s);
      continue;
    }
    // A role heading without a grade yet: its own Responsibilities and Requirements follow it. Where
    // the page has Levels, such a heading is the family's introduction or a specialty instead.
    if (hasLevels) continue;
    const own = s.children.filter((c) => isPart(c) && (c.prefix === '' || namesMatch(c.prefix, s.heading!.text)));
    if (own.some((c) => kindOf(c) === 'responsibilities') && own.some((c) => kindOf(c) === 'requirements') && s.depth <= 3) candidates.push(s);
  }
  // A heading that groups roles stating grades ("## Analyst, Trust and Safety" over its levels) is a
  // group, not a role; otherwise a role inside another role is a sub-heading of the outer one.
  const graded = candidates.filter((d) => hasGradeEvidence(d)).map((d) => d.startLine);
  const grouped = new Set(
    candidates.filter((c) => {
      if (hasGradeEvidence(c)) return false;
      const next = graded[firstAbove(graded, c.startLine)];
      return next !== undefined && next < c.endLine;
    }),
  );
  const outer: Section[] = [];
  let outerEnd = -1;
  let current: Section | undefined;
  for (const s of candidates) {
    if (grouped.has(s) || gradeAliases.has(s)) continue;
    if (s.startLine < outerEnd) {
      // A second role with a grade of its own, written a level too deep inside the first.
      if (current && hasGradeEvidence(s) && hasGradeEvidence(current) && !namesMatch(s.heading!.text, current.heading!.text)) outer.push(s);
      continue;
    }
    outer.push(s);
    current = s;
    outerEnd = s.endLine;
  }
  // A page that states its own grade at the top (`## Job Grade` before any role) is one role.
  const topGrade = sections.find((s) => s.depth >= 2 && s.parent?.depth === 0 && kindOf(s) === 'job-grade');
  const pageRole = topGrade !== undefined && (outer.length === 0 || topGrade.startLine < outer[0]!.startLine) && !outer.some((s) => s.depth === 2);
  const roleSections = pageRole ? [] : outer;

  const roles: Level[] = [];
  const problems: StructureProblem[] = [];
  const ladderOf = new Map<string, number>();
  const ladder = (key: string): number => {
    let id = ladderOf.get(key);
    if (id === undefined) {
      id = ladderOf.size + 1;
      ladderOf.set(key, id);
    }
    return id;
  };

  /** A level's sections written as its siblings, at its own depth, right after it: still its own. */
  const flatParts = new Map<Section, Section[]>();
  const isRoleSection = new Set(roleSections);
  for (const s of roleSections) {
    const after: Section[] = [];
    const later = laterSiblings(s);
    for (const o of later) {
      if (!isPart(o) || !o.prefix || !namesMatch(o.prefix, s.heading!.text) || isRoleSection.has(o)) break;
      after.push(o);
    }
    if (after.length && !s.children.some((c) => kindOf(c) === 'job-grade')) {
      flatParts.set(s, after);
      continue;
    }
    // Inside Levels, unnamed sections between one level and the next, of kinds the level's own
    // children do not have ("#### Responsibilities" beside "#### UX Architect", whose grade is
    // its "##### Job Grade"), are that level's, one step too shallow.
    if (!s.parent || kindOf(s.parent) !== 'levels') continue;
    const unnamed: Section[] = [];
    for (const o of later) {
      if (isRoleSection.has(o) || !isPart(o) || o.prefix || s.children.some((c) => kindOf(c) === kindOf(o))) break;
      unnamed.push(o);
    }
    const nextLevel = later[unnamed.length];
    if (unnamed.length && nextLevel && isRoleSection.has(nextLevel)) flatParts.set(s, unnamed);
  }

  roleSections.forEach((s, i) => {
    const next = roleSections[i + 1];
    const flat = flatParts.get(s);
    const end = flat ? Math.min(flat[flat.length - 1]!.endLine, next?.startLine ?? Infinity) : extentEnd(s, next, sections, kindOf);
    const title = s.heading!.text;
    const inLevels = s.parent !== undefined && kindOf(s.parent) === 'levels';
    const kind: RoleKind = inLevels || s.depth >= 3 ? 'level' : 'role';
    const ladderKey = inLevels ? `levels:${s.parent.id}` : s.depth >= 3 ? `parent:${s.parent?.id ?? 0}` : `role:${[...words(title)].filter((w) => !SENIORITY.test(w)).sort().join(' ')}`;
    const own: Section[] = [];
    for (let k = s.id + 1; k < sections.length && sections[k]!.startLine < end; k++) {
      const c = sections[k]!;
      if (c.heading && c.startLine > s.startLine && isPart(c)) own.push(c);
    }
    // Sections of another level written under this one: a level whose heading is missing.
    const { mine, split } = splitMissingLevels(s, title, own, kindOf);
    const mineEnd = split[0]?.parts[0]?.startLine ?? end;
    roles.push(makeRole({ title, titleRange: s.heading!.textRange, section: s, kind, startLine: s.startLine, endLine: mineEnd, parts: mine, grades: gradesIn(s.startLine, mineEnd), ladder: ladder(ladderKey), headingless: false }, kindOf));
    split.forEach((m, k) => {
      const first = m.parts[0]!;
      const stop = split[k + 1]?.parts[0]?.startLine ?? end;
      const role = makeRole({ title: m.name, titleRange: first.prefixRange ?? first.heading!.textRange, section: undefined, kind, startLine: first.startLine, endLine: stop, parts: m.parts, grades: gradesIn(first.startLine, stop), ladder: ladder(ladderKey), headingless: true }, kindOf);
      roles.push(role);
      const depth = s.depth;
      const insertAt = first.startLine;
      problems.push({
        kind: 'missing-heading',
        range: first.heading!.textRange,
        message: `"${first.heading!.text}" sits under the level "${title}", which has its own grade: the level "${m.name}" has no heading of its own. Add \`${'#'.repeat(depth)} ${m.name}\` before it.`,
        role,
        explains: m.parts,
        fix: first.depth === depth + 1 ? { title: `Add the level heading "${m.name}"`, edits: [{ range: range(insertAt, 0, insertAt, 0), newText: `${'#'.repeat(depth)} ${m.name}${page.eol}${page.eol}` }] } : undefined,
      });
    });
  });

  // Job Grade sections written as levels under Levels: the level's heading is missing.
  const rolePart = new Set<Section>(roles.flatMap((r) => r.parts));
  for (const s of sections) {
    if (!s.heading || kindOf(s) !== 'job-grade' || !s.prefix || !s.parent || kindOf(s.parent) !== 'levels') continue;
    if (rolePart.has(s)) continue;
    // Right after its own level heading, it is that level's section at the wrong depth (reported below).
    const siblings = s.parent.children;
    let before = (place.get(s) ?? 0) - 1;
    while (before >= 0 && isPart(siblings[before]!) && namesMatch(siblings[before]!.prefix, s.prefix)) before--;
    const previous = siblings[before];
    if (previous && isRoleSection.has(previous) && namesMatch(s.prefix, previous.heading!.text)) continue;
    const parts = [s, ...s.children.filter(isPart)];
    const role = makeRole({ title: s.prefix, titleRange: s.prefixRange ?? s.heading.textRange, section: undefined, kind: 'level', startLine: s.startLine, endLine: s.endLine, parts, grades: gradesIn(s.startLine, s.endLine), ladder: ladder(`levels:${s.parent.id}`), headingless: true }, kindOf);
    roles.push(role);
    for (const p of parts) rolePart.add(p);
    // The level's heading may be there, at the wrong depth: then that is what to fix.
    let misplaced: Section | undefined;
    for (let k = s.id - 1; k >= 0 && sections[k]!.startLine >= s.startLine - 12 && !misplaced; k--) {
      const o = sections[k]!;
      if (o.heading && o.startLine < s.startLine && kindOf(o) === undefined && o.depth !== s.depth && namesMatch(o.heading.text, s.prefix)) misplaced = o;
    }
    if (misplaced?.heading) {
      problems.push({
        kind: 'missing-heading',
        range: misplaced.heading.textRange,
        message: `The level heading "${misplaced.heading.text}" is ${'#'.repeat(misplaced.depth)} but its sections ("${s.heading.text}", …) are ${'#'.repeat(s.depth)}: make the heading ${'#'.repeat(s.depth)} and its sections ${'#'.repeat(s.depth + 1)}.`,
        role,
        explains: parts,
      });
      continue;
    }
    problems.push({
      kind: 'missing-heading',
      range: s.heading.textRange,
      message: `"${s.heading.text}" stands where a level heading should be: the level "${s.prefix}" has no heading of its own. Make it \`${'#'.repeat(s.depth)} ${s.prefix}\` followed by \`${'#'.repeat(s.depth + 1)} ${s.heading.text}\`.`,
      role,
      explains: parts,
      fix: isAtx(s)
        ? {
            title: `Add the level heading "${s.prefix}"`,
            edits: [{ range: range(s.startLine, 0, s.startLine, 0), newText: `${'#'.repeat(s.depth)} ${s.prefix}${page.eol}${page.eol}#` }],
          }
        : undefined,
    });
  }
  roles.sort((a, b) => a.startLine - b.startLine);
  // Grades stated in a table of the page's roles count as each role's grade.
  for (let i = 0; i < roles.length; i++) {
    const fromTable = gradeFromTable(roles[i]!, byLine, page.lineText);
    if (fromTable) roles[i] = { ...roles[i]!, grade: fromTable, grades: [fromTable] };
  }

  // A level's sections written at the level's own depth: they are not its sections in the page's outline.
  for (const r of roles) {
    const s = r.section;
    const after = s && !r.headingless ? flatParts.get(s) : undefined;
    if (!s || !after) continue;
    // When the page's other levels sit one step up (`##` with `###` sections) and this one is
    // not filed in a container, it is the heading that is one step too deep, not its sections.
    const inContainer = s.parent !== undefined && kindOf(s.parent) !== undefined && CONTAINERS.has(kindOf(s.parent)!);
    const peerAbove = !inContainer && s.heading && roles.some((o) => o !== r && o.section && !o.headingless && !flatParts.get(o.section) && o.section.depth === s.depth - 1 && o.parts.length > 0);
    if (peerAbove && s.heading) {
      const col = page.lineText(s.startLine).indexOf('#');
      problems.push({
        kind: 'part-depth',
        range: s.heading.textRange,
        message: `The level heading "${r.title}" is ${'#'.repeat(s.depth)}, as deep as its sections ("${after[0]!.heading!.text}", …), while the page's other levels are ${'#'.repeat(s.depth - 1)}: make it ${'#'.repeat(s.depth - 1)}.`,
        role: r,
        explains: after,
        fix: isAtx(s) ? { title: `Make it ${'#'.repeat(s.depth - 1)}`, edits: [{ range: range(s.startLine, Math.max(0, col), s.startLine, Math.max(0, col) + 1), newText: '' }] } : undefined,
        suggestion: true,
      });
      continue;
    }
    problems.push({
      kind: 'part-depth',
      range: after[0]!.heading!.textRange,
      message: `"${after[0]!.heading!.text}"${after.length > 1 ? ` and ${after.length - 1} more` : ''} ${after.length > 1 ? 'are' : 'is'} at the same depth as ${after.length > 1 ? 'their' : 'its'} level "${r.title}", so the page's outline does not put ${after.length > 1 ? 'them' : 'it'} in that level: make ${after.length === 1 ? 'it a' : 'them'} ${'#'.repeat(s.depth + 1)} heading${after.length === 1 ? '' : 's'}.`,
      role: r,
      explains: after,
      fix: after.every(isAtx)
        ? {
            title: `Make ${after.length === 1 ? 'it' : 'them'} ${'#'.repeat(s.depth + 1)}`,
            edits: after.map((o) => {
              const col = page.lineText(o.startLine).indexOf('#');
              return { range: range(o.startLine, Math.max(0, col), o.startLine, Math.max(0, col)), newText: '#' };
            }),
          }
        : undefined,
    });
  }

  // Sections whose names all say another role than their heading: one finding, not one per section.
  for (const r of roles) {
    if (r.headingless || !r.section) continue;
    const named = r.parts.filter((p) => p.prefix && p.parent === r.section);
    if (named.length < 2) continue;
    const other = named[0]!.prefix;
    if (namesMatch(other, r.title) || !named.every((p) => namesMatch(p.prefix, other))) continue;
    problems.push({
      kind: 'names-disagree',
      range: r.titleRange,
      message: `The level heading "${r.title}" and its sections ("${named[0]!.heading!.text}", …) name different roles: make them the same.`,
      role: r,
      explains: named,
    });
  }

  if (!roles.length) {
    const gradeSection = sections.find((s) => kindOf(s) === 'job-grade');
    const sentence = gradeSentence(byLine, gradeSection);
    if (gradeSection || sentence) {
      const parts = sections.filter((s) => s.heading && isPart(s) && !inSpecialty.has(s));
      const title = page.title ?? '';
      roles.push(makeRole({ title, titleRange: page.titleRange, section: undefined, kind: 'page', startLine: 0, endLine: page.lineCount, parts, grades: byLine, ladder: ladder('page'), headingless: false }, kindOf));
    }
  }

  const specialties: Specialty[] = [];
  const roleOf = new Set(roles.map((r) => r.section));
  for (const s of sections) {
    if (!s.heading || kindOf(s) !== undefined || !inSpecialty.has(s) || roleOf.has(s)) continue;
    if (s.parent && inSpecialty.has(s.parent) && kindOf(s.parent) === undefined) continue;
    specialties.push({ title: s.heading.text, section: s });
  }
  // On a single-role page the role's sections are the family's too. A section under a heading of
  // its own below `##` (a specialty by another name) is that heading's, not the family's.
  const underOther = (s: Section): boolean => {
    for (let p = s.parent; p && p.depth > 0; p = p.parent) if (p.depth >= 3 && kindOf(p) === undefined) return true;
    return false;
  };
  const inRole = lineCoverage(roles.filter((r) => r.kind !== 'page').map((r) => [r.startLine, r.endLine]));
  const covered = (s: Section): boolean => inRole(s.startLine) || inSpecialty.has(s) || underOther(s);
  const familyWide = sections.filter((s) => s.heading && kindOf(s) !== undefined && !CONTAINERS.has(kindOf(s)!) && !covered(s));

  return { roles, specialties, familyWide, layout: layoutOf(roles, sections, page), problems, gradeAliases: [...gradeAliases] };
}

/** The line where a role's text ends: at the next role, or where its part of the page ends. */
function extentEnd(s: Section, next: Section | undefined, sections: readonly Section[], kindOf: (s: Section) => SectionKind | undefined): number {
  let end = next ? Math.min(next.startLine, s.endLine) : s.endLine;
  // A Specialties or Segment heading inside the role, at any depth, ends what is the role's own.
  for (let k = s.id + 1; k < sections.length && sections[k]!.startLine < end; k++) {
    const o = sections[k]!;
    if (o.startLine > s.startLine && (kindOf(o) === 'specialties' || kindOf(o) === 'segment')) return o.startLine;
  }
  if (s.depth === 2) {
    // A `##` role often has its Responsibilities or Requirements written at `##` too: they are still its own.
    for (let k = s.id + 1; k < sections.length; k++) {
      const o = sections[k]!;
      if (next && o.startLine >= next.startLine) break;
      if (o.startLine < s.endLine || o.depth !== 2) continue;
      const kind = kindOf(o);
      if (kind === undefined || !ATTACHED_AT_ROLE_DEPTH.has(kind)) break;
      if (o.prefix && !namesMatch(o.prefix, s.heading!.text)) break;
      end = next ? Math.min(o.endLine, next.startLine) : o.endLine;
    }
  }
  return end;
}

interface MissingLevel {
  readonly name: string;
  readonly parts: Section[];
}

/**
 * A level's sections named for another role, after the level already has its own Job Grade:
 * the sections of a next level whose heading is missing. Everything from such a Job Grade on
 * belongs to that level.
 */
function splitMissingLevels(s: Section, title: string, own: readonly Section[], kindOf: (s: Section) => SectionKind | undefined): { mine: Section[]; split: MissingLevel[] } {
  const mine: Section[] = [];
  const split: MissingLevel[] = [];
  let current: MissingLevel | undefined;
  let hasGrade = false;
  for (const p of own) {
    const k = kindOf(p);
    const foreign = p.prefix !== '' && !namesMatch(p.prefix, title) && !namesMatch(p.prefix, current?.name ?? '\u0000');
    if (k === 'job-grade' && foreign && (hasGrade || current) && p.depth === s.depth + 1) {
      current = { name: p.prefix, parts: [p] };
      split.push(current);
      continue;
    }
    if (current) current.parts.push(p);
    else {
      mine.push(p);
      if (k === 'job-grade') hasGrade = true;
    }
  }
  return { mine, split };
}

interface RoleInput {
  readonly title: string;
  readonly titleRange: Range;
  readonly section: Section | undefined;
  readonly kind: RoleKind;
  readonly startLine: number;
  readonly endLine: number;
  readonly parts: readonly Section[];
  readonly grades: readonly GradeMention[];
  readonly ladder: number;
  readonly headingless: boolean;
}

/**
 * A role without a grade of its own whose grade a table states: a row that names the role or links
 * to its heading, with a grade on it ("| [Director](#director) | [Grade 10](…) |").
 */
function gradeFromTable(role: Level, grades: readonly GradeMention[], lineText: (n: number) => string): GradeMention | undefined {
  if (role.grades.length || !role.section) return undefined;
  const title = role.title.toLowerCase();
  return grades.find((g) => {
    const row = lineText(g.line);
    if (!row.trimStart().startsWith('|')) return false;
    const lower = row.toLowerCase();
    return lower.includes(title) || lower.includes(`](#${role.section!.heading!.text.toLowerCase().replace(/[^\p{L}\p{N}_ -]/gu, '').replace(/ /g, '-')})`);
  });
}

function makeRole(input: RoleInput, kindOf: (s: Section) => SectionKind | undefined): Level {
  const subsections = new Map<SectionKind, Section>();
  for (const p of input.parts) {
    const k = kindOf(p);
    if (k && !subsections.has(k)) subsections.set(k, p);
  }
  return { ...input, track: trackOf(input.title), subsections, grade: gradeSentence(input.grades, subsections.get('job-grade')) };
}

function descendants(s: Section): Section[] {
  const out: Section[] = [];
  const walk = (x: Section): void => {
    for (const c of x.children) {
      out.push(c);
      walk(c);
    }
  };
  walk(s);
  return out;
}

/** Index of the first number above `value` in a sorted list. */
function firstAbove(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a line falls in one of the `[start, end)` spans, by binary search over their union. */
function lineCoverage(spans: readonly (readonly [number, number])[]): (line: number) => boolean {
  const merged: [number, number][] = [];
  for (const [a, b] of [...spans].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const starts = merged.map((m) => m[0]);
  return (line) => {
    const k = firstAbove(starts, line) - 1;
    return k >= 0 && line < merged[k]![1];
  };
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

function layoutOf(roles: readonly Level[], sections: readonly Section[], page: PageInfo): Layout {
  if (/\/job-families\/expert\//.test(page.uri)) return 'expertise';
  const isIndex = page.fileName === '_index.md';
  const standard = sections.some((s) => s.kind && s.kind !== 'compensation' && s.kind !== 'about-gitlab');
  if (!roles.length) {
    if (isIndex || /(^|\/)overview\//.test(page.uri)) return standard ? 'index' : 'landing';
    return 'other';
  }
  if (roles.length === 1 && roles[0]!.kind === 'page') return 'single-role';
  return roles.some((r) => r.section && r.section.parent && effectiveKind(r.section.parent) === 'levels') || roles.every((r) => r.kind === 'level') ? 'template-1' : 'template-2';
}

/** The `#` fixes change a heading's depth by its `#` marks: a setext heading (`===`, `---` underline) has none. */
function isAtx(s: Section): boolean {
  return s.heading !== undefined && !s.heading.setext;
}
