import { parse as parseYaml } from 'yaml';
import { pageAnchors, type AnchorOptions } from '../anchors';

export interface PageFacts {
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly aliases: readonly string[];
  /** Every anchor the published page has (heading IDs, `{#custom}`, attribute-list and HTML ids, footnotes), in page order. */
  readonly anchors: readonly string[];
  /** Headings with their line, for go-to-definition and hovers. */
  readonly headings: readonly { readonly id: string; readonly text: string; readonly line: number; readonly depth: number }[];
  /** `draft: true`: Hugo does not publish the page. */
  readonly draft: boolean;
  /** False when build options (`build` or `_build`: `render: never`, `link` or `false`) keep Hugo from writing the page. */
  readonly render: boolean;
  /** `headless: true`: a leaf bundle (index.md) that Hugo does not write; see isPublished. */
  readonly headless: boolean;
  /** Front-matter `url`: the page's published path, used as written. */
  readonly url: string | undefined;
  /** Front-matter `slug`: replaces the file (or leaf bundle folder) name in the path. */
  readonly slug: string | undefined;
  /** `{{% include "…" %}}` paths (under the site's assets/ folder), in page order. */
  readonly includes: readonly string[];
  /**
   * Some anchors of the page cannot be known from its text: shortcodes write headings or
   * ids from data or remote files, or an include target was not read. Every anchor listed
   * exists, but a missing one may exist too.
   */
  readonly anchorsOpen: boolean;
  /** Why the anchors are open. */
  readonly openReasons: readonly string[];
}

/**
 * The facts the handbook index keeps about a page, read in one pass over its lines. Much
 * cheaper than the full model: a handbook has thousands of pages and only these are needed.
 * `options.html` for HTML content files; `options.readInclude` resolves include targets.
 */
export function extractPage(text: string, options?: AnchorOptions): PageFacts {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const block = frontMatterLines(text);
  // The body starts after the opening line, the block and the closing line.
  const found = pageAnchors(lines, block ? block.length + 2 : 0, { text, ...options });
  return {
    ...(block ? frontMatterBlockFacts(block) : frontMatterFacts(undefined)),
    anchors: found.anchors.map((a) => a.id),
    headings: found.headings,
    includes: found.includes,
    anchorsOpen: found.open.length > 0,
    openReasons: found.open,
  };
}

/**
 * The page's facts without reading its body: its front matter only, with no anchors and no
 * headings. For a run that reads anchors later, and only of the pages it needs them from.
 */
export function extractFrontMatter(text: string): PageFacts {
  const block = frontMatterLines(text);
  return { ...(block ? frontMatterBlockFacts(block) : frontMatterFacts(undefined)), anchors: [], headings: [], includes: [], anchorsOpen: false, openReasons: [] };
}

/** The lines between the front matter's `---` lines, read one at a time from the start: the body is never split. */
function frontMatterLines(text: string): string[] | undefined {
  const lines: string[] = [];
  let at = 0;
  for (let n = 0; at <= text.length; n++) {
    let end = at;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(at, end);
    if (n === 0) {
      if (!/^\uFEFF?---\s*$/.test(line)) return undefined;
    } else if (/^(---|\.\.\.)\s*$/.test(line)) return lines;
    else lines.push(line);
    if (end >= text.length) return undefined;
    at = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return undefined;
}

export type FrontMatterFacts = Pick<PageFacts, 'title' | 'description' | 'aliases' | 'draft' | 'render' | 'headless' | 'url' | 'slug'>;

/**
 * The facts of a YAML front-matter block (its lines between the `---` lines). `yamlOnly`
 * skips the reader of common front matter, for the test that holds it to the YAML parser.
 */
export function frontMatterBlockFacts(block: readonly string[], yamlOnly = false): FrontMatterFacts {
  let data: Record<string, unknown> | undefined;
  try {
    const parsed = ((yamlOnly ? undefined : simpleFrontMatter(block)) ?? parseYaml(block.join('\n'), { logLevel: 'silent' })) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed as Record<string, unknown>;
  } catch {
    // A page with broken front matter is still a page; its own checks report the YAML.
  }
  return frontMatterFacts(data);
}

function frontMatterFacts(data: Record<string, unknown> | undefined): FrontMatterFacts {
  let title: string | undefined;
  let description: string | undefined;
  let aliases: string[] = [];
  if (!data) return { title, description, aliases, draft: false, render: true, headless: false, url: undefined, slug: undefined };
  if (typeof data.title === 'string' || typeof data.title === 'number') title = String(data.title);
  if (typeof data.description === 'string') description = data.description;
  if (Array.isArray(data.aliases)) aliases = data.aliases.filter((a): a is string => typeof a === 'string');
  else if (typeof data.aliases === 'string') aliases = [data.aliases];
  // Hugo reads front-matter keys without regard to case.
  let lower: Record<string, unknown> | undefined;
  const key = (name: string): unknown => {
    if (name in data) return data[name];
    lower ??= lowerKeys(data);
    return lower[name];
  };
  const build = key('build') ?? key('_build');
  const renderOption = build && typeof build === 'object' ? lowerKeys(build as Record<string, unknown>).render : undefined;
  const notRendered = renderOption === false || renderOption === 'never' || renderOption === 'link' || renderOption === 'false';
  const url = key('url');
  const slug = key('slug');
  return {
    title,
    description,
    aliases,
    draft: isTrue(key('draft')),
    render: !notRendered,
    headless: isTrue(key('headless')),
    url: typeof url === 'string' && url.trim() ? url.trim() : undefined,
    slug: typeof slug === 'string' && slug.trim() ? slug.trim() : undefined,
  };
}

/**
 * Whether Hugo writes the page at all: not a draft, its build options let it render, and it
 * is not a headless leaf bundle (`headless` counts only in a bundle's index.md).
 */
export function isPublished(facts: PageFacts, fileName: string): boolean {
  return !facts.draft && facts.render && !(facts.headless && /^index\.(?:md|html)$/.test(fileName));
}

function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k.toLowerCase()] = v;
  return out;
}

function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

const SIMPLE_KEY = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/;
const LIST_ITEM = /^( *)-[ \t]+(.*?)[ \t]*$/;
/** `[]` or `[ "a", "b" ]`: a flow list of double-quoted strings without escapes (design documents' `authors`). */
const FLOW_LIST = /^\[[ \t]*(?:"[^"\\]*"[ \t]*(?:,[ \t]*"[^"\\]*"[ \t]*)*)?\]$/;
/** A line that is only a comment. */
const COMMENT = /^ *#/;

/**
 * The common front matter (plain or quoted one-line values, booleans and numbers, simple
 * lists, whole-line comments) without a YAML parser; anything else (flow collections, block
 * scalars, anchors, nested maps, trailing comments) returns undefined and goes to the real
 * parser.
 */
function simpleFrontMatter(lines: readonly string[]): Record<string, unknown> | undefined {
  // No prototype: a key named `__proto__` is a key like any other.
  const out = Object.create(null) as Record<string, unknown>;
  let list: unknown[] | undefined;
  /** The indentation of the current list's items: every item of a list has the same. */
  let indent: string | undefined;
  for (const line of lines) {
    if (!line.trim() || COMMENT.test(line)) continue;
    const item = LIST_ITEM.exec(line);
    if (item && list) {
      if (indent !== undefined && item[1] !== indent) return undefined;
      indent = item[1]!;
      const v = scalar(item[2]!);
      if (v === undefined) return undefined;
      list.push(v);
      continue;
    }
    const m = SIMPLE_KEY.exec(line);
    // A key given twice is an error the parser reports: it decides what such a page says.
    if (!m || Object.hasOwn(out, m[1]!)) return undefined;
    if (m[2] === '') {
      list = [];
      indent = undefined;
      out[m[1]!] = list;
      continue;
    }
    list = undefined;
    const v = FLOW_LIST.test(m[2]!) ? [...m[2]!.matchAll(/"([^"\\]*)"/g)].map((q) => q[1]!) : scalar(m[2]!);
    if (v === undefined) return undefined;
    out[m[1]!] = v;
  }
  return out;
}

function scalar(raw: string): string | number | boolean | undefined {
  if (/^"(?:[^"\\]|\\["\\/])*"$/.test(raw)) return raw.slice(1, -1).replace(/\\(["\\/])/g, '$1');
  if (/^'(?:[^']|'')*'$/.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  // The YAML 1.2 core schema's booleans and decimal numbers, as the parser reads them.
  if (/^(?:true|True|TRUE)$/.test(raw)) return true;
  if (/^(?:false|False|FALSE)$/.test(raw)) return false;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(raw)) return Number(raw);
  // Plain scalars that YAML would read as something else, or that need its rules, go to the parser.
  if (/^[[{&*!|>%@`"'#]|: | #|^(?:true|false|null|~|yes|no|on|off)$|^[-+]?\.(?:inf|nan)$|^0[ox]/i.test(raw)) return undefined;
  return raw;
}
