import { atxContent, atxParts } from '../markdown/lineKinds';
import { LineIndex, range } from './lines';
import type { Heading, HeadingPart } from './blocks';

/** A line of inline content, before its spans are scanned. */
export interface RawSegment {
  readonly line: number;
  readonly col: number;
  readonly text: string;
}

/** A trailing `{#custom-id}`, found from the last `{#` so a line of many braces costs one pass. */
function customId(text: string): { id: string; index: number } | undefined {
  const at = text.lastIndexOf('{#');
  if (at < 0) return undefined;
  const m = /^\{#([^}\s]+)\}\s*$/.exec(text.slice(at));
  if (!m) return undefined;
  let index = at;
  while (index > 0 && /\s/.test(text[index - 1]!)) index--;
  return { id: m[1]!, index };
}

/** The ATX heading whose `#` is at `col` of `line`, and its content as a line of inline text. */
export function atxHeading(index: LineIndex, line: number, col: number): { heading: Heading; segment: RawSegment | undefined } {
  const source = index.line(line);
  const s = source.slice(col);
  let level = 0;
  while (s.charCodeAt(level) === 35) level++;
  // Goldmark trims spaces and tabs only: a no-break space ending the heading is text.
  const content = atxContent(s, level).replace(/[ \t]+$/, '');
  const start = col + atxParts.start;
  // Goldmark reads `## Title ## {#id}` as the title with an attribute list; else the id ends the text.
  const special = atxParts.id;
  const id = special === undefined ? customId(content) : undefined;
  const text = (id ? content.slice(0, id.index) : content).trim();
  const textCol = text ? start : source.length;
  return {
    heading: {
      depth: level,
      line,
      endLine: line,
      text,
      textRange: range(line, textCol, line, textCol + text.length),
      range: range(line, 0, line, source.length),
      customId: special ?? id?.id,
      setext: false,
      parts: text ? [{ offset: 0, line, character: start, length: text.length }] : [],
    },
    segment: content ? { line, col: start, text: content } : undefined,
  };
}

/** A setext heading made of the lines `[first, end)`, each from its column in `cols`, above its underline. */
export function setextHeading(index: LineIndex, first: number, end: number, cols: readonly number[], underline: number, depth: number): Heading {
  const texts: string[] = [];
  for (let n = first; n < end; n++) texts.push(index.line(n).slice(cols[n - first]).trimEnd());
  const last = texts.length - 1;
  const id = customId(texts[last]!);
  if (id) texts[last] = texts[last]!.slice(0, id.index).trimEnd();
  const parts: HeadingPart[] = [];
  let offset = 0;
  texts.forEach((t, k) => {
    if (!t) return;
    parts.push({ offset, line: first + k, character: cols[k]!, length: t.length });
    offset += t.length + 1;
  });
  const lastPart = parts[parts.length - 1];
  const start = parts[0] ?? { line: first, character: index.line(first).length };
  const stop = lastPart ? { line: lastPart.line, character: lastPart.character + lastPart.length } : start;
  return {
    depth,
    line: first,
    endLine: underline,
    text: texts.filter(Boolean).join(' '),
    textRange: range(start.line, start.character, stop.line, stop.character),
    range: range(first, 0, underline, index.line(underline).length),
    customId: id?.id,
    setext: true,
    parts,
  };
}
