import type { Range } from 'vscode-languageserver-types';
import sectionData from '../data/sections.json';
import { closest, typoBudget } from '../util/distance';
import { headingRange, type Heading } from './blocks';

export type SectionKind =
  | 'responsibilities'
  | 'requirements'
  | 'nice-to-haves'
  | 'levels'
  | 'job-grade'
  | 'segment'
  | 'specialties'
  | 'performance-indicators'
  | 'career-ladder'
  | 'hiring-process'
  | 'compensation'
  | 'about-gitlab';

export interface StandardSection {
  readonly kind: SectionKind;
  readonly title: string;
  readonly aliases: readonly string[];
  readonly levelSubsection: boolean;
  readonly order: number;
  readonly required: boolean;
  readonly siteGenerated?: boolean;
  readonly guide: string;
}

export const STANDARD_SECTIONS: readonly StandardSection[] = sectionData.sections as StandardSection[];

export function standardSection(kind: SectionKind): StandardSection {
  return STANDARD_SECTIONS.find((s) => s.kind === kind)!;
}

export interface Misspelling {
  /** The heading text with the standard title spelled right. */
  readonly replacement: string;
  readonly kind: SectionKind;
  /** The misspelt words inside the heading line. */
  readonly range: Range;
  readonly written: string;
  readonly expected: string;
}

export interface Section {
  readonly id: number;
  /** Undefined for the page's root (the text before the first heading). */
  readonly heading: Heading | undefined;
  readonly depth: number;
  readonly startLine: number;
  readonly bodyStartLine: number;
  /** Exclusive. */
  readonly endLine: number;
  readonly kind: SectionKind | undefined;
  /** A second kind for combined headings such as "Responsibilities and Requirements". */
  readonly alsoKind: SectionKind | undefined;
  /** A grade section titled otherwise than "<Level> Job Grade". */
  readonly gradeVariant: boolean;
  /** What stands before the standard title: "Senior Backend Engineer" in "Senior Backend Engineer Job Grade". */
  readonly prefix: string;
  readonly prefixRange: Range | undefined;
  readonly misspelling: Misspelling | undefined;
  readonly parent: Section | undefined;
  readonly children: readonly Section[];
}

interface Title {
  readonly kind: SectionKind;
  readonly words: string;
}

const TITLES: readonly Title[] = STANDARD_SECTIONS.flatMap((s) =>
  [s.title, ...s.aliases].map((t) => ({ kind: s.kind, words: t.toLowerCase() })),
).sort((a, b) => b.words.length - a.words.length);

const SEPARATOR_CHARS = new Set([' ', '\t', ',', ':', ';', '-', '–', '—', '|']);

/** Drops separators (spaces, commas, dashes, …) from the end, in one backward pass. */
function trimSeparators(s: string): string {
  let end = s.length;
  while (end > 0 && SEPARATOR_CHARS.has(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** "Responsibilities and" → "Responsibilities": the first title of a combined heading. */
function combinedFirst(prefix: string): string | undefined {
  const t = prefix.trimEnd();
  const lower = t.toLowerCase();
  if (lower.endsWith('&')) return t.slice(0, -1).trimEnd();
  if (lower === 'and') return '';
  if (lower.endsWith(' and')) return t.slice(0, -4).trimEnd();
  return undefined;
}

interface Classified {
  /** A grade section titled otherwise than "Job Grade" ("Grade Level", "Job Grade 8"). */
  gradeVariant?: boolean;
  kind: SectionKind | undefined;
  alsoKind: SectionKind | undefined;
  prefix: string;
  misspelling: Omit<Misspelling, 'range'> & { start: number; end: number } | undefined;
}

/**
 * Headings repeat across a page's versions and across pages ("Requirements", "Job Grade"),
 * and reading one for a misspelt title costs edit distances: each is read once. Bounded:
 * past the limit it starts over rather than grow with every heading ever read.
 */
const classified = new Map<string, Readonly<Classified>>();
const MAX_REMEMBERED_HEADINGS = 20_000;

/** Recognises a standard section title at the end of a heading, with or without a level prefix. */
export function classifyHeading(text: string, hasChildren: boolean): Readonly<Classified> {
  const key = (hasChildren ? '1' : '0') + text;
  let c = classified.get(key);
  if (!c) {
    c = readHeading(text, hasChildren);
    if (classified.size >= MAX_REMEMBERED_HEADINGS) classified.clear();
    classified.set(key, c);
  }
  return c;
}

function readHeading(text: string, hasChildren: boolean): Classified {
  const clean = text.replace(/[*_`]/g, '').replace(/\s+/g, ' ').replace(/[:.]$/, '').trim();
  const lower = clean.toLowerCase();
  for (const t of TITLES) {
    if (lower === t.words || lower.endsWith(' ' + t.words)) {
      let kind = t.kind;
      if (t.words === 'job grades' || t.words === 'grades') kind = hasChildren ? 'levels' : 'job-grade';
      const prefix = trimSeparators(clean.slice(0, clean.length - t.words.length));
      const combined = combinedFirst(prefix);
      if (combined !== undefined) {
        const first = trimSeparators(combined).toLowerCase();
        const other = TITLES.find((o) => o.words === first);
        if (other) return { kind, alsoKind: other.kind, prefix: '', misspelling: undefined };
      }
      const variant = kind === 'job-grade' && !/\bjob grade$/.test(lower);
      return { kind, alsoKind: undefined, prefix, misspelling: undefined, gradeVariant: variant };
    }
  }
  const variant = gradeVariant(clean);
  if (variant !== undefined) return { kind: 'job-grade', alsoKind: undefined, prefix: variant, misspelling: undefined, gradeVariant: true };
  return { kind: undefined, alsoKind: undefined, prefix: '', misspelling: findMisspelling(text) };
}

/** "Grade Level", "Job Grade 8", "Senior Analyst Grade": a grade section under another name. The prefix, or undefined. */
function gradeVariant(clean: string): string | undefined {
  const m = /^(.*?)[\s,:;|–—-]*\b(?:job\s+)?grades?(?:\s+levels?)?\s*[-:–—]?\s*(?:#?\s*\d{1,2})?$/i.exec(clean);
  if (!m || /\bjob\s+grade$/i.test(clean)) return undefined;
  return trimSeparators(m[1] ?? '');
}

function findMisspelling(text: string): Classified['misspelling'] {
  const words = [...text.matchAll(/[A-Za-z][A-Za-z'-]*/g)];
  if (!words.length) return undefined;
  let best: Classified['misspelling'];
  for (const std of STANDARD_SECTIONS) {
    const count = std.title.split(' ').length;
    if (words.length < count) continue;
    const first = words[words.length - count]!;
    const last = words[words.length - 1]!;
    // Only the end of the heading can hold the standard title.
    if (text.slice(last.index + last[0].length).replace(/[\s:.*_]/g, '') !== '') continue;
    const written = text.slice(first.index, last.index + last[0].length);
    const hit = closest(written, [std.title], (s) => s, typoBudget(std.title.length));
    if (!hit || written.toLowerCase() === std.title.toLowerCase()) continue;
    const candidate = {
      replacement: text.slice(0, first.index) + std.title + text.slice(last.index + last[0].length),
      kind: std.kind,
      written,
      expected: std.title,
      start: first.index,
      end: last.index + last[0].length,
    };
    if (!best || candidate.written.length > best.written.length) best = candidate;
  }
  return best;
}

/** Builds the heading tree: every heading owns the lines up to the next heading of the same or a higher level. */
export function buildSections(headings: readonly Heading[], lineCount: number): Section[] {
  const flat: Section[] = [];
  type Mutable = { -readonly [K in keyof Section]: Section[K] } & { children: Section[] };
  const root: Mutable = {
    id: 0,
    heading: undefined,
    depth: 0,
    startLine: 0,
    bodyStartLine: 0,
    endLine: lineCount,
    kind: undefined,
    alsoKind: undefined,
    gradeVariant: false,
    prefix: '',
    prefixRange: undefined,
    misspelling: undefined,
    parent: undefined,
    children: [],
  };
  flat.push(root);
  const stack: Mutable[] = [root];
  headings.forEach((h, i) => {
    // A heading closes every open section at its level or deeper.
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= h.depth) stack.pop()!.endLine = h.line;
    const parent = stack[stack.length - 1]!;
    const next = headings[i + 1];
    const hasChildren = next !== undefined && next.depth > h.depth;
    const c = classifyHeading(h.text, hasChildren);
    const section: Mutable = {
      id: flat.length,
      heading: h,
      depth: h.depth,
      startLine: h.line,
      bodyStartLine: h.endLine + 1,
      endLine: lineCount,
      kind: c.kind,
      alsoKind: c.alsoKind,
      gradeVariant: c.gradeVariant === true,
      prefix: c.prefix,
      prefixRange: prefixRange(h, c.prefix),
      misspelling: c.misspelling
        ? {
            replacement: c.misspelling.replacement,
            kind: c.misspelling.kind,
            written: c.misspelling.written,
            expected: c.misspelling.expected,
            range: headingRange(h, c.misspelling.start, c.misspelling.end),
          }
        : undefined,
      parent,
      children: [],
    };
    parent.children.push(section);
    flat.push(section);
    stack.push(section);
  });
  return flat;
}

function prefixRange(h: Heading, prefix: string): Range | undefined {
  const at = prefix ? h.text.indexOf(prefix) : -1;
  if (at < 0) return undefined;
  return headingRange(h, at, at + prefix.length);
}

/** The kind a section counts as, a misspelt standard title included. */
export function effectiveKind(s: Section): SectionKind | undefined {
  return s.kind ?? s.misspelling?.kind;
}

export function sectionAt(sections: readonly Section[], line: number): Section {
  let best = sections[0]!;
  for (const s of sections) {
    if (s.startLine <= line && line < s.endLine && s.depth >= best.depth) best = s;
  }
  return best;
}

export function hasAncestorKind(s: Section, kinds: readonly SectionKind[]): boolean {
  for (let p = s.parent; p; p = p.parent) if (p.kind && kinds.includes(p.kind)) return true;
  return false;
}
