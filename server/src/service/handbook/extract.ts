import { parse as parseYaml } from 'yaml';
import { hugoSlug, SlugCounter } from '../model/slug';

export interface PageFacts {
  readonly title: string | undefined;
  readonly description: string | undefined;
  readonly aliases: readonly string[];
  /** Heading IDs (Hugo slugs, `-1` repeats, `{#custom}`) and HTML ids, in page order. */
  readonly anchors: readonly string[];
  /** `draft: true`: Hugo does not publish the page. */
  readonly draft?: boolean;
  /** Headings with their line, for go-to-definition and hovers. */
  readonly headings: readonly { readonly id: string; readonly text: string; readonly line: number; readonly depth: number }[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const CUSTOM_ID = /\s*\{#([^}\s]+)\}\s*$/;
const HTML_ID = /<(?:a|span|div|p|section|h[1-6])\b[^>]*?\b(?:id|name)\s*=\s*["']([^"']+)["']/gi;
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|>|\||<|#|```|~~~|\{\{)/;

/**
 * The facts the handbook index keeps about a page, read in one pass over its lines. Much
 * cheaper than the full model: a handbook has thousands of pages and only these are needed.
 */
export function extractPage(text: string): PageFacts {
  const lines = text.split(/\r\n|\r|\n/);
  let start = 0;
  let title: string | undefined;
  let description: string | undefined;
  let aliases: string[] = [];
  let draft = false;
  if (/^\uFEFF?---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close > 0) {
      start = close + 1;
      try {
        const block = lines.slice(1, close);
        const data = (simpleFrontMatter(block) ?? parseYaml(block.join('\n'))) as Record<string, unknown> | null;
        if (data && typeof data === 'object') {
          if (typeof data.title === 'string' || typeof data.title === 'number') title = String(data.title);
          if (typeof data.description === 'string') description = data.description;
          draft = data.draft === true;
          if (Array.isArray(data.aliases)) aliases = data.aliases.filter((a): a is string => typeof a === 'string');
          else if (typeof data.aliases === 'string') aliases = [data.aliases];
        }
      } catch {
        // A page with broken front matter is still a page; its own checks report the YAML.
      }
    }
  }
  const counter = new SlugCounter();
  const found: { id: string | undefined; text: string; line: number; depth: number; custom: boolean }[] = [];
  const htmlIds: string[] = [];
  let fence: string | undefined;
  for (let n = start; n < lines.length; n++) {
    const line = lines[n]!;
    const c = line.charCodeAt(0);
    // Most lines start with a letter or a list marker: nothing a heading or fence rule could match.
    if (!fence && c !== 35 /* # */ && c !== 32 && c !== 96 /* ` */ && c !== 126 /* ~ */ && c !== 61 /* = */ && c !== 45 /* - */) {
      if (line.includes('<')) for (const m of line.matchAll(HTML_ID)) htmlIds.push(m[1]!);
      continue;
    }
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      const raw = atx[2] ?? '';
      const custom = CUSTOM_ID.exec(raw);
      found.push({ id: custom?.[1], text: (custom ? raw.slice(0, custom.index) : raw).trim(), line: n, depth: atx[1]!.length, custom: !!custom });
      continue;
    }
    const setext = SETEXT.exec(line);
    const prev = lines[n - 1];
    // A one-line paragraph underlined with === or --- (longer paragraphs are too rare to matter).
    const paragraphStart = n - 1 === start || !lines[n - 2]?.trim();
    if (setext && n > start && prev !== undefined && prev.trim() && paragraphStart && !BLOCK_START.test(prev)) {
      const custom = CUSTOM_ID.exec(prev);
      found.push({ id: custom?.[1], text: (custom ? prev.slice(0, custom.index) : prev).trim(), line: n - 1, depth: setext[1]![0] === '=' ? 1 : 2, custom: !!custom });
      continue;
    }
    if (line.includes('<')) for (const m of line.matchAll(HTML_ID)) htmlIds.push(m[1]!);
  }
  for (const h of found) if (h.custom && h.id) counter.reserve(h.id);
  const headings = found.map((h) => ({ id: h.id ?? counter.next(hugoSlug(h.text)), text: h.text, line: h.line, depth: h.depth }));
  return { title, description, aliases, draft, anchors: [...headings.map((h) => h.id), ...htmlIds], headings };
}

const SIMPLE_KEY = /^([A-Za-z_][\w-]*):[ \t]*(.*?)[ \t]*$/;
const LIST_ITEM = /^[ \t]*-[ \t]+(.*?)[ \t]*$/;

/**
 * The common front matter (plain or quoted one-line values, simple lists) without a YAML
 * parser; anything else (flow collections, block scalars, anchors, comments) returns
 * undefined and goes to the real parser.
 */
function simpleFrontMatter(lines: readonly string[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let list: string[] | undefined;
  for (const line of lines) {
    if (!line.trim()) continue;
    const item = LIST_ITEM.exec(line);
    if (item && list) {
      const v = scalar(item[1]!);
      if (v === undefined) return undefined;
      list.push(v);
      continue;
    }
    const m = SIMPLE_KEY.exec(line);
    if (!m) return undefined;
    if (m[2] === '') {
      list = [];
      out[m[1]!] = list;
      continue;
    }
    list = undefined;
    const v = scalar(m[2]!);
    if (v === undefined) return undefined;
    out[m[1]!] = v;
  }
  return out;
}

function scalar(raw: string): string | undefined {
  if (/^"(?:[^"\\]|\\["\\/])*"$/.test(raw)) return raw.slice(1, -1).replace(/\\(["\\/])/g, '$1');
  if (/^'(?:[^']|'')*'$/.test(raw)) return raw.slice(1, -1).replace(/''/g, "'");
  // Plain scalars that YAML would read as something else, or that need its rules, go to the parser.
  if (/^[[{&*!|>%@`"'#]|: | #|^(?:true|false|null|~|yes|no|on|off)$/i.test(raw)) return undefined;
  return raw;
}
