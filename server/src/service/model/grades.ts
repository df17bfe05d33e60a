import type { Range } from 'vscode-languageserver-types';
import type { Segment } from './blocks';
import { range } from './lines';
import type { Link } from './model';
import { renderedText } from './slug';

export type GradeForm =
  /** `[grade 7](…)` */
  | 'linked'
  /** `[7](…#gitlab-job-grades)` */
  | 'number-link'
  /** `grade 7` in plain text */
  | 'unlinked'
  /** "is a 7." in a Job Grade section */
  | 'bare';

export interface GradeMention {
  /** Undefined when the number is the template's `#` placeholder or missing. */
  readonly grade: number | undefined;
  readonly form: GradeForm;
  readonly line: number;
  readonly range: Range;
  readonly numberRange: Range | undefined;
  readonly link: Link | undefined;
  /** "Senior Backend Engineer" in "The Senior Backend Engineer is a [grade 7](…)". */
  readonly subject: { readonly text: string; readonly range: Range } | undefined;
}

const LINK_TEXT = /^\s*(?:job\s+)?grade\s*(?:#\s*)?(\d{1,3}|#)?\s*\.?\s*$/i;
const NUMBER_TEXT = /^\s*#?\s*(\d{1,3})\s*$/;
const GRADE_TARGET = /compensation-calculator|gitlab-job-grades|#customer-success|salessales-development/i;
const GRADE_WORD = /grade/i;
const UNLINKED = /\b(?:job\s+)?grade(?:\s*:\s*|\s+)(?:#\s*)?(\d{1,3})\b/gi;
const BARE = /\b(?:is|are)\s+(?:an?\s+)?(\d{1,2})(?=\s*(?:[.,;]|$))/gi;
const SUBJECT = /(?:^|[.!?]\s+)[\s*_>]*(?:(?:The|An?)\s+)?((?:\S+\s+){0,11}?\S+)\s+(?:role\s+|position\s+|job\s+)?(?:is|are|will\s+be)\s+(?:(?:an?|at|at\s+an?)\s+)?(?:job\s+)?(?:grade\s+)?\[?$/i;

/** A segment's grade mentions, and whether its line was in a Job Grade section when they were found. */
export interface SegmentGrades {
  readonly inGradeSection: boolean;
  readonly mentions: readonly GradeMention[];
}

/**
 * Finds every grade mention on the given lines; `inGradeSection` tells whether bare numbers
 * count. `kept`: a segment's mentions from an earlier version of the page. A segment object
 * is kept only with its line and its line's links (see blockReuse), so they hold while its
 * section's kind does.
 */
export function findGrades(
  segments: readonly Segment[],
  links: readonly Link[],
  malformed: readonly { readonly range: Range }[],
  inGradeSection: (line: number) => boolean,
  kept?: WeakMap<Segment, SegmentGrades>,
): GradeMention[] {
  const found: GradeMention[] = [];
  // Built on the first segment not kept from an earlier version: typing keeps all but one.
  let linksByLine: Map<number, Link[]> | undefined;
  let malformedByLine: Map<number, Range[]> | undefined;
  const byLine = (): { links: Map<number, Link[]>; malformed: Map<number, Range[]> } => {
    if (!linksByLine || !malformedByLine) {
      linksByLine = new Map();
      for (const l of links) {
        const list = linksByLine.get(l.line);
        if (list) list.push(l);
        else linksByLine.set(l.line, [l]);
      }
      // A grade inside a malformed link is not unlinked: linking it again would nest links (JF035 reports the link).
      malformedByLine = new Map();
      for (const m of malformed) {
        const list = malformedByLine.get(m.range.start.line);
        if (list) list.push(m.range);
        else malformedByLine.set(m.range.start.line, [m.range]);
      }
    }
    return { links: linksByLine, malformed: malformedByLine };
  };
  for (const seg of segments) {
    const inGrades = inGradeSection(seg.line);
    const known = kept?.get(seg);
    if (known && known.inGradeSection === inGrades) {
      found.push(...known.mentions);
      continue;
    }
    const lines = byLine();
    const lineLinks = lines.links.get(seg.line) ?? [];
    const onLine: GradeMention[] = [];
    for (const link of lineLinks) {
      if (link.image) continue;
      const t = LINK_TEXT.exec(link.text);
      const n = t ? undefined : NUMBER_TEXT.exec(link.text);
      if (!t && !(n && GRADE_TARGET.test(link.target))) continue;
      const digits = t ? t[1] : n?.[1];
      const grade = digits && digits !== '#' ? Number(digits) : undefined;
      const at = digits ? link.text.lastIndexOf(digits) : -1;
      onLine.push({
        grade,
        form: t ? 'linked' : 'number-link',
        line: seg.line,
        range: link.range,
        numberRange: at >= 0 ? shift(link.textRange, at, digits!.length) : undefined,
        link,
        subject: subjectBefore(seg, link.range.start.character),
      });
    }
    const covered = coverage([...lineLinks.map((l) => l.range), ...(lines.malformed.get(seg.line) ?? [])]);
    const prose = seg.scan.prose;
    // Most lines say no "grade": one literal search skips the pattern.
    if (GRADE_WORD.test(prose)) for (const m of prose.matchAll(UNLINKED)) {
      const col = seg.col + m.index;
      if (covered(col)) continue;
      const digits = m[1]!;
      const numCol = col + m[0].lastIndexOf(digits);
      onLine.push({
        grade: Number(digits),
        form: 'unlinked',
        line: seg.line,
        range: range(seg.line, col, seg.line, col + m[0].length),
        numberRange: range(seg.line, numCol, seg.line, numCol + digits.length),
        link: undefined,
        subject: subjectBefore(seg, col),
      });
    }
    if (!onLine.length && inGrades) {
      for (const m of prose.matchAll(BARE)) {
        const digits = m[1]!;
        const col = seg.col + m.index + m[0].lastIndexOf(digits);
        if (covered(col)) continue;
        onLine.push({
          grade: Number(digits),
          form: 'bare',
          line: seg.line,
          range: range(seg.line, col, seg.line, col + digits.length),
          numberRange: range(seg.line, col, seg.line, col + digits.length),
          link: undefined,
          subject: subjectBefore(seg, col),
        });
        break;
      }
    }
    onLine.sort((a, b) => a.range.start.character - b.range.start.character);
    kept?.set(seg, { inGradeSection: inGrades, mentions: onLine });
    found.push(...onLine);
  }
  return found;
}

/**
 * Whether a column lies inside one of the line's links. Links are in column order and do not
 * overlap, so a binary search answers each question.
 */
/** Whether a column of the line falls in one of the ranges (all on that line), by binary search over their union. */
function coverage(ranges: readonly Range[]): (col: number) => boolean {
  if (!ranges.length) return () => false;
  const sorted = ranges.map((r) => [r.start.character, r.end.character] as [number, number]).sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return (col) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [start, end] = merged[mid]!;
      if (col < start) hi = mid - 1;
      else if (col >= end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** A grade sentence's subject is a few words before the grade; more text than this is never needed. */
const SUBJECT_WINDOW = 200;

function shift(r: Range, at: number, length: number): Range {
  return range(r.start.line, r.start.character + at, r.start.line, r.start.character + at + length);
}

function subjectBefore(seg: Segment, col: number): GradeMention['subject'] {
  const end = Math.max(0, col - seg.col);
  const from = Math.max(0, end - SUBJECT_WINDOW);
  const before = seg.text.slice(from, end);
  const m = SUBJECT.exec(before);
  if (!m || m[1] === undefined) return undefined;
  const raw = m[1];
  const start = seg.col + from + m.index + m[0].indexOf(raw);
  const text = renderedText(raw).replace(/[*_]/g, '').trim();
  return { text, range: range(seg.line, start, seg.line, start + raw.length) };
}
