import type { Range } from 'vscode-languageserver-types';
import { pageAnchors } from '../anchors';
import { parseBlocks, type Blocks, type Heading, type ListItem, type Segment } from './blocks';
import { parseFrontMatter, stringValue, type FrontMatter } from './frontMatter';
import { findGrades, type GradeMention } from './grades';
import { findStructure, type Layout, type Level, type Specialty, type StructureProblem } from './roles';
import { LineIndex, range } from './lines';
import { parseTarget, type LinkKind } from './links';
import type { RawProblem } from './inlineScanner';
import { buildSections, sectionAt, type Section } from './sections';
import { ModelMemo } from './memo';
import { ADD, segmentFacts } from './segmentFacts';

export interface Link {
  readonly line: number;
  readonly range: Range;
  readonly text: string;
  readonly textRange: Range;
  /** The destination as written. */
  readonly target: string;
  /** Where the destination is written; the whole link for reference-style links. */
  readonly targetRange: Range;
  readonly kind: LinkKind;
  readonly path: string;
  readonly anchor: string | undefined;
  readonly pathRange: Range;
  readonly anchorRange: Range | undefined;
  readonly image: boolean;
  readonly reference: string | undefined;
  readonly shortcode: string | undefined;
  /** For legacy absolute URLs: the site-relative form. */
  readonly relative: string | undefined;
  readonly html: boolean;
  readonly autolink: boolean;
}

export interface MalformedLink {
  readonly range: Range;
  readonly reason: RawProblem['reason'];
  readonly text: string;
}

export interface Placeholder {
  readonly range: Range;
  readonly text: string;
  /** `add`: `{add …}`; `braced`: other template text in braces (`{Insert the steps here}`); `title`: "the Title job family"; `tbd`: TBD, TODO. */
  readonly kind: 'add' | 'braced' | 'title' | 'tbd';
}

export interface Comment {
  readonly line: number;
  readonly text: string;
}

export interface Shortcode {
  readonly name: string;
  readonly range: Range;
}

export interface Anchor {
  readonly id: string;
  readonly line: number;
  readonly range: Range;
  readonly source: 'heading' | 'custom' | 'attribute' | 'html' | 'footnote';
}

/** Words a reader sees on one line, with code, URLs and markup blanked; columns match the source. */
export interface ProseLine {
  readonly line: number;
  readonly col: number;
  readonly text: string;
  readonly section: Section;
  readonly block: Segment['block'];
}

/** Everything the rules and features know about one version of one page. Immutable. */
export interface JobFamilyModel {
  readonly uri: string;
  /** Why the text was not parsed (binary or too large); the model is then empty. */
  readonly unreadable: string | undefined;
  /** True when building the model failed (a bug, not the page's fault). */
  readonly failed?: boolean;
  readonly version: number;
  readonly fileName: string;
  readonly lines: LineIndex;
  readonly frontMatter: FrontMatter | undefined;
  readonly title: string | undefined;
  /** The title's value in the front matter, or the first line when there is none. */
  readonly titleRange: Range;
  readonly bodyStartLine: number;
  readonly headings: readonly Heading[];
  /** Flat, in document order; `sections[0]` is the root (text before the first heading). */
  readonly sections: readonly Section[];
  readonly listItems: readonly ListItem[];
  readonly links: readonly Link[];
  readonly malformedLinks: readonly MalformedLink[];
  readonly placeholders: readonly Placeholder[];
  readonly grades: readonly GradeMention[];
  /** The roles of the page: levels, Template 2 roles, or the page itself. */
  readonly levels: readonly Level[];
  readonly specialties: readonly Specialty[];
  /** Standard sections that belong to no role or specialty: what applies to every role. */
  readonly familyWide: readonly Section[];
  readonly structureProblems: readonly StructureProblem[];
  /** Headings that are a level's grade section written under the level's own name (JF045). */
  readonly gradeAliases: readonly Section[];
  readonly layout: Layout;
  readonly anchors: readonly Anchor[];
  /** Some headings come from shortcodes (an include, data): a missing anchor cannot be known. */
  readonly openAnchors: boolean;
  readonly comments: readonly Comment[];
  readonly shortcodes: readonly Shortcode[];
  readonly prose: readonly ProseLine[];
  readonly codeLines: ReadonlySet<number>;
  /** First line of a fence or HTML comment (or another block that ends only at a marker) never closed: it swallows the rest of the page. */
  readonly openFenceFrom: number | undefined;
  /** Line-by-line results for the document's next version (absent on a model built by hand). */
  readonly memo?: ModelMemo;
  sectionAt(line: number): Section;
}

/** Far above any real job-family page (the largest is under 40 KB), low enough to keep typing fast. */
export const MAX_CHARS = 1_000_000;

export function unreadableReason(text: string): string | undefined {
  if (text.length > MAX_CHARS) {
    return `The file has ${text.length.toLocaleString('en')} characters, more than the ${MAX_CHARS.toLocaleString('en')} a job-family page can have: it is not checked.`;
  }
  const head = text.slice(0, 8000);
  const control = head.match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (head.includes('\u0000') || control > head.length / 100) return 'The file is binary, not Markdown: it is not checked.';
  return undefined;
}

/**
 * The last version's front matter, when the edit left its lines alone (typing in the body):
 * it depends on nothing below its closing line, and parsing its YAML is a good part of a
 * page's model.
 */
function keptFrontMatter(lines: LineIndex, previous: JobFamilyModel | undefined): FrontMatter | undefined {
  const fm = previous?.frontMatter;
  if (!fm || fm.closeLine === undefined) return undefined;
  // Up to the start of the line after the closing one, so that its line break counts too.
  const end = previous.lines.starts[fm.closeLine + 1];
  if (end === undefined || lines.text.length < end) return undefined;
  return lines.text.startsWith(previous.lines.text.slice(0, end)) ? fm : undefined;
}

/**
 * `previous` is the model of the same document's last version, when there is one: what it
 * worked out line by line is reused for the lines the edit did not touch.
 */
export function parseModel(text: string, uri: string, version = 0, previous?: JobFamilyModel): JobFamilyModel {
  const unreadable = unreadableReason(text);
  if (unreadable) return emptyModel(uri, version, text, unreadable);
  const lines = new LineIndex(text);
  const frontMatter = keptFrontMatter(lines, previous) ?? parseFrontMatter(lines);
  const bodyStartLine = frontMatter?.bodyStartLine ?? 0;
  const memo = new ModelMemo(previous?.memo);
  const blocks = parseBlocks(lines, bodyStartLine, memo);
  const sections = buildSections(blocks.headings, lines.lineCount);
  // Which section owns each line, computed once: rules and features ask for it per line.
  const owner: Section[] = new Array<Section>(lines.lineCount);
  for (const s of sections) for (let n = s.startLine; n < s.endLine; n++) owner[n] = s;
  const at = (line: number): Section => owner[line] ?? sectionAt(sections, line);

  const links: Link[] = [];
  const malformedLinks: MalformedLink[] = [];
  const shortcodes: Shortcode[] = [];
  const placeholders: Placeholder[] = [];
  const prose: ProseLine[] = [];
  const comments: Comment[] = [];

  for (const seg of blocks.segments) {
    const found = segmentFacts(seg, memo);
    // Most lines hold none of these: an empty spread is still a call.
    if (found.links.length) links.push(...found.links);
    if (found.malformed.length) malformedLinks.push(...found.malformed);
    if (found.shortcodes.length) shortcodes.push(...found.shortcodes);
    if (found.comments.length) comments.push(...found.comments);
    if (found.placeholders.length) placeholders.push(...found.placeholders);
    prose.push({ line: seg.line, col: seg.col, text: seg.scan.prose, section: at(seg.line), block: seg.block });
  }
  collectHtmlBlocks(blocks, lines, comments, links);
  if (frontMatter) {
    for (let n = 1; n < frontMatter.bodyStartLine - 1; n++) {
      for (const m of lines.line(n).matchAll(ADD)) {
        placeholders.push({ range: range(n, m.index, n, m.index + m[0].length), text: m[0], kind: 'add' });
      }
    }
  }
  placeholders.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);

  // A title is one line wherever it is written back into the page (a fix's grade sentence, say).
  const title = stringValue(frontMatter, 'title')?.replace(/\s+/g, ' ').trim() || undefined;
  const titleEntry = frontMatter?.entries.find((e) => e.key === 'title');
  const titleRange = titleEntry ? (titleEntry.isBlank ? titleEntry.keyRange : titleEntry.valueRange) : lines.lineRange(0);
  const grades = findGrades(blocks.segments, links, malformedLinks, (line) => {
    const s = at(line);
    return (s.kind ?? s.misspelling?.kind) === 'job-grade';
  }, memo.grades);
  const fileName = fileNameOf(uri);
  const pageIds = modelAnchors(lines, bodyStartLine);
  const structure = findStructure(sections, grades, { title, titleRange, uri, fileName, lineCount: lines.lineCount, lineText: (n) => lines.line(n), eol: lines.eol });

  return {
    uri,
    unreadable: undefined,
    version,
    fileName,
    lines,
    frontMatter,
    title,
    titleRange,
    bodyStartLine,
    headings: blocks.headings,
    sections,
    listItems: blocks.listItems,
    links,
    malformedLinks,
    placeholders,
    grades,
    levels: structure.roles,
    specialties: structure.specialties,
    familyWide: structure.familyWide,
    structureProblems: structure.problems,
    gradeAliases: structure.gradeAliases,
    layout: structure.layout,
    anchors: pageIds.anchors,
    openAnchors: pageIds.open,
    comments,
    shortcodes,
    prose,
    codeLines: blocks.codeLines,
    openFenceFrom: blocks.openFenceFrom,
    sectionAt: at,
    memo,
  };
}

function fileNameOf(uri: string): string {
  const raw = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** What the service checks when building the model threw: nothing but one finding saying so. */
export function failedModel(uri: string, version: number, text: string, error: unknown): JobFamilyModel {
  const what = error instanceof Error ? error.message : String(error);
  return { ...emptyModel(uri, version, text, `The page could not be analysed (${what.slice(0, 200)}), so it is not checked; the other pages are. Please report this with the page.`), failed: true };
}

function emptyModel(uri: string, version: number, text: string, reason: string): JobFamilyModel {
  const firstLine = /^[^\r\n]{0,200}/.exec(text)?.[0] ?? '';
  const lines = new LineIndex(firstLine);
  const root = buildSections([], 1);
  return {
    uri,
    unreadable: reason,
    version,
    fileName: fileNameOf(uri),
    lines,
    frontMatter: undefined,
    title: undefined,
    titleRange: lines.lineRange(0),
    bodyStartLine: 0,
    headings: [],
    sections: root,
    listItems: [],
    links: [],
    malformedLinks: [],
    placeholders: [],
    grades: [],
    levels: [],
    specialties: [],
    familyWide: [],
    structureProblems: [],
    gradeAliases: [],
    layout: 'other',
    anchors: [],
    openAnchors: false,
    comments: [],
    shortcodes: [],
    prose: [],
    codeLines: new Set(),
    openFenceFrom: undefined,
    sectionAt: () => root[0]!,
  };
}

const COMMENT = /<!--[\s\S]*?-->/g;
function collectHtmlBlocks(blocks: Blocks, lines: LineIndex, comments: Comment[], links: Link[]): void {
  for (const b of blocks.htmlBlocks) {
    for (let n = b.startLine; n < b.endLine; n++) {
      const text = lines.line(n);
      for (const m of text.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"']*)["'][^>]*>/gi)) {
        const col = m.index + m[0].indexOf(m[1]!, m[0].indexOf('href'));
        const parsed = parseTarget(m[1]!);
        const tr = range(n, col, n, col + m[1]!.length);
        links.push({
          line: n,
          range: range(n, m.index, n, m.index + m[0].length),
          text: '',
          textRange: tr,
          target: m[1]!,
          targetRange: tr,
          kind: parsed.kind,
          path: parsed.path,
          anchor: parsed.anchor,
          pathRange: tr,
          anchorRange: undefined,
          image: false,
          reference: undefined,
          shortcode: parsed.shortcode,
          relative: parsed.relative,
          html: true,
          autolink: false,
        });
      }
    }
    const startOffset = lines.starts[b.startLine] ?? 0;
    const blockText = lines.text.slice(startOffset, lines.starts[b.endLine] ?? lines.text.length);
    for (const m of blockText.matchAll(COMMENT)) {
      comments.push({ line: lines.positionAt(startOffset + m.index).line, text: m[0] });
    }
  }
}

/** The page's anchors as the published site has them (the same as other pages get in the handbook index). */
function modelAnchors(lines: LineIndex, bodyStartLine: number): { anchors: Anchor[]; open: boolean } {
  const found = pageAnchors(lines.lines, bodyStartLine, { text: lines.text });
  return {
    anchors: found.anchors.map((a) => ({
      id: a.id,
      line: a.line,
      range: a.length ? range(a.line, a.col, a.line, a.col + a.length) : lines.lineRange(a.line),
      source: a.kind,
    })),
    open: found.open.length > 0,
  };
}
