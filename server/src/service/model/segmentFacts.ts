import type { Segment } from './blocks';
import type { RawLink } from './inlineScanner';
import { range } from './lines';
import { parseTarget } from './links';
import type { ModelMemo } from './memo';
import type { Comment, Link, MalformedLink, Placeholder, Shortcode } from './model';

/** What one line of inline content holds, with page ranges: the same for as long as its segment is. */
export interface SegmentFacts {
  readonly links: readonly Link[];
  readonly malformed: readonly MalformedLink[];
  readonly shortcodes: readonly Shortcode[];
  readonly comments: readonly Comment[];
  readonly placeholders: readonly Placeholder[];
}

/** `{add …}` left from the template (also in front-matter values). */
export const ADD = /\{add\b[^}\]\n]*[}\]]?/gi;
/**
 * Template text left in braces: `{Insert hiring process steps here.}`, `The {Security Research Manager} is …`.
 * Not `{#id}`/`{.class}` attributes, not shortcodes (blanked from prose already), not `{}`.
 */
const BRACED = /\{(?![#.{}]|\s*\w+\s*=)[^{}\n]*?\p{L}[^{}\n]{0,160}?\}/gu;
/** The template's "Title" left standing for the family's name. */
const TITLE_PLACEHOLDER = /\b(?:the|The)\s+Title\s+(?:job\s+family|role|position)\b/g;
const TBD = /\b(?:TBD|TBC|TODO|TO BE (?:CONFIRMED|DEFINED))\b/g;
/** A note left for later in any case ("core skills to be added"): "defined" and "confirmed" are ordinary prose in lower case. */
const TBD_WORDS = /\bto be (?:added|determined)\b/gi;

/**
 * A segment's links, malformed links, shortcodes, comments and placeholders. A segment the
 * next version kept (its blocks kept, see blockReuse) is the same object on the same line, so
 * its facts are worked out once.
 */
export function segmentFacts(seg: Segment, memo: ModelMemo): SegmentFacts {
  let found = memo.segments.get(seg);
  if (!found) {
    found = factsOf(seg);
    memo.segments.set(seg, found);
  }
  return found;
}

function factsOf(seg: Segment): SegmentFacts {
  const { scan } = seg;
  const out = { links: [] as Link[], malformed: [] as MalformedLink[], shortcodes: [] as Shortcode[], comments: [] as Comment[], placeholders: [] as Placeholder[] };
  for (const l of scan.links) out.links.push(toLink(seg, l));
  for (const p of scan.malformed) {
    out.malformed.push({ range: range(seg.line, seg.col + p.start, seg.line, seg.col + p.end), reason: p.reason, text: p.text });
  }
  for (const s of scan.shortcodes) out.shortcodes.push({ name: s.name, range: range(seg.line, seg.col + s.start, seg.line, seg.col + s.end) });
  for (const c of scan.comments) out.comments.push({ line: seg.line, text: c.text });
  // Most lines hold no placeholder: cheap character tests skip the patterns.
  if (seg.text.includes('{')) {
    for (const m of maskCode(seg.text, scan.codeSpans).matchAll(ADD)) {
      out.placeholders.push({ range: range(seg.line, seg.col + m.index, seg.line, seg.col + m.index + m[0].length), text: m[0], kind: 'add' });
    }
    for (const m of scan.prose.matchAll(BRACED)) {
      if (/^\{add\b/i.test(m[0])) continue;
      out.placeholders.push({ range: range(seg.line, seg.col + m.index, seg.line, seg.col + m.index + m[0].length), text: m[0], kind: 'braced' });
    }
  }
  if (scan.prose.includes('Title')) {
    for (const m of scan.prose.matchAll(TITLE_PLACEHOLDER)) {
      out.placeholders.push({ range: range(seg.line, seg.col + m.index, seg.line, seg.col + m.index + m[0].length), text: m[0], kind: 'title' });
    }
  }
  if (scan.prose.includes('TB') || scan.prose.includes('TO')) {
    for (const m of scan.prose.matchAll(TBD)) {
      out.placeholders.push({ range: range(seg.line, seg.col + m.index, seg.line, seg.col + m.index + m[0].length), text: m[0], kind: 'tbd' });
    }
  }
  if (/to be/i.test(scan.prose)) {
    for (const m of scan.prose.matchAll(TBD_WORDS)) {
      out.placeholders.push({ range: range(seg.line, seg.col + m.index, seg.line, seg.col + m.index + m[0].length), text: m[0], kind: 'tbd' });
    }
  }
  return out;
}

function toLink(seg: Segment, l: RawLink): Link {
  const parsed = parseTarget(l.target);
  const whole = range(seg.line, seg.col + l.start, seg.line, seg.col + l.end);
  const hasPos = l.targetStart >= 0;
  const targetRange = hasPos ? range(seg.line, seg.col + l.targetStart, seg.line, seg.col + l.targetStart + l.target.length) : whole;
  const pathLen = parsed.anchorStart !== undefined ? parsed.anchorStart - 1 - parsed.pathStart : l.target.length - parsed.pathStart;
  const kindPathLen = parsed.kind === 'ref' ? encodedLength(l.target, parsed.pathStart, parsed.anchorStart) : pathLen;
  const pathRange = hasPos
    ? range(seg.line, seg.col + l.targetStart + parsed.pathStart, seg.line, seg.col + l.targetStart + parsed.pathStart + Math.max(0, kindPathLen))
    : whole;
  const anchorRange =
    hasPos && parsed.anchorStart !== undefined && parsed.anchor !== undefined
      ? range(seg.line, seg.col + l.targetStart + parsed.anchorStart, seg.line, seg.col + l.targetStart + parsed.anchorStart + rawAnchorLength(l.target, parsed.anchorStart))
      : undefined;
  return {
    line: seg.line,
    range: whole,
    text: l.text,
    textRange: range(seg.line, seg.col + l.textStart, seg.line, seg.col + l.textStart + l.text.length),
    target: l.target,
    targetRange,
    kind: parsed.kind,
    path: parsed.path,
    anchor: parsed.anchor,
    pathRange,
    anchorRange,
    image: l.image,
    reference: l.reference,
    shortcode: parsed.shortcode,
    relative: parsed.relative,
    html: l.text === '' && l.textStart === l.end,
    autolink: l.autolink === true,
  };
}

function encodedLength(target: string, start: number, anchorStart: number | undefined): number {
  if (anchorStart !== undefined) return anchorStart - 1 - start;
  const rest = target.slice(start);
  const end = rest.search(/["'\s]/);
  return end < 0 ? rest.length : end;
}

function rawAnchorLength(target: string, anchorStart: number): number {
  const rest = target.slice(anchorStart);
  const end = rest.search(/["'\s)]/);
  return end < 0 ? rest.length : end;
}

function maskCode(text: string, spans: readonly { start: number; end: number }[]): string {
  if (!spans.length) return text;
  const chars = text.split('');
  for (const s of spans) for (let k = s.start; k < s.end; k++) chars[k] = ' ';
  return chars.join('');
}
