import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex, range } from './lines';

export interface FrontMatterEntry {
  readonly key: string;
  readonly keyRange: Range;
  /** The value's range; an empty range right after the colon when the value is missing. */
  readonly valueRange: Range;
  /** First and last line the entry spans (inclusive). */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly value: unknown;
  /** No value, null, or an empty string/list/map. */
  readonly isBlank: boolean;
}

export interface FrontMatterError {
  readonly message: string;
  readonly range: Range;
}

export interface FrontMatter {
  readonly format: 'yaml' | 'toml';
  /** Line of the opening delimiter (0, or 1 after a byte-order mark line). */
  readonly openLine: number;
  /** Line of the closing delimiter; undefined when the block is never closed. */
  readonly closeLine: number | undefined;
  /** From the opening to the closing delimiter, inclusive. */
  readonly range: Range;
  readonly entries: readonly FrontMatterEntry[];
  readonly errors: readonly FrontMatterError[];
  /** Lines inside the block that are blank. */
  readonly blankLines: readonly number[];
  /** True when the parsed YAML is a mapping (or empty). */
  readonly isMapping: boolean;
  /** First line of the body: after the closing delimiter, or 0 when unclosed. */
  readonly bodyStartLine: number;
}

const YAML_FENCE = /^---\s*$/;
const YAML_CLOSE = /^(---|\.\.\.)\s*$/;
const TOML_FENCE = /^\+\+\+\s*$/;

/** Finds and parses the front matter block at the top of a page, with exact ranges. */
export function parseFrontMatter(index: LineIndex): FrontMatter | undefined {
  const first = index.line(0).replace(/^\uFEFF/, '');
  const format = YAML_FENCE.test(first) ? 'yaml' : TOML_FENCE.test(first) ? 'toml' : undefined;
  if (!format) return undefined;
  const closeRe = format === 'yaml' ? YAML_CLOSE : TOML_FENCE;
  let closeLine: number | undefined;
  for (let n = 1; n < index.lineCount; n++) {
    if (closeRe.test(index.line(n))) {
      closeLine = n;
      break;
    }
  }
  const lastLine = closeLine ?? index.lineCount - 1;
  const blankLines: number[] = [];
  for (let n = 1; n < (closeLine ?? index.lineCount); n++) {
    if (index.line(n).trim() === '') blankLines.push(n);
  }
  const blockRange = range(0, 0, lastLine, index.line(lastLine).length);
  const base = {
    format,
    openLine: 0,
    closeLine,
    range: blockRange,
    blankLines,
    bodyStartLine: closeLine === undefined ? index.lineCount : closeLine + 1,
  } as const;
  if (closeLine === undefined) {
    return {
      ...base,
      entries: [],
      isMapping: false,
      errors: [{ message: 'The front matter is never closed: add a line with `---` after the last key.', range: index.lineRange(0) }],
    };
  }
  if (format === 'toml') return { ...base, entries: [], errors: [], isMapping: true };

  const yamlStart = index.starts[1] ?? 0;
  const yamlEnd = index.starts[closeLine] ?? index.text.length;
  // The YAML parser does not take a lone CR as a line break; LF has the same length, so offsets hold.
  const source = index.text.slice(yamlStart, yamlEnd).replace(/\r(?!\n)/g, '\n');
  const toRange = (start: number, end: number): Range => {
    const s = index.positionAt(yamlStart + start);
    const e = index.positionAt(yamlStart + Math.max(start, end));
    return { start: s, end: e };
  };

  // The parser's own duplicate-key check compares every key with every other; one set does it linearly.
  const doc = readYaml(source);
  const errors: FrontMatterError[] = doc.errors.map((e) => ({
    message: firstLine(e.message),
    range: widenEmpty(toRange(e.pos[0], e.pos[1]), index),
  }));
  const entries: FrontMatterEntry[] = [];
  const contents = doc.contents;
  let isMapping = contents === null || (isScalar(contents) && contents.value === null);
  if (contents && isMap(contents)) {
    isMapping = true;
    const seen = new Set<string>();
    for (const pair of contents.items) {
      const keyNode = pair.key as YamlNode | null;
      if (!keyNode || !isScalar(keyNode) || !keyNode.range) continue;
      const [ks, ke] = keyNode.range;
      const valueNode = pair.value as YamlNode | null;
      const keyRange = toRange(ks, ke);
      let valueRange: Range;
      let value: unknown = null;
      let isBlank = true;
      if (valueNode && valueNode.range) {
        valueRange = toRange(valueNode.range[0], valueNode.range[1]);
        value = valueNode.toJSON();
        isBlank = blank(valueNode);
      } else {
        const colon = index.line(keyRange.end.line).indexOf(':', keyRange.end.character);
        const at = colon >= 0 ? colon + 1 : keyRange.end.character;
        valueRange = range(keyRange.end.line, at, keyRange.end.line, at);
      }
      const key = String(keyNode.value);
      if (seen.has(key)) errors.push({ message: `Map keys must be unique: \`${key}\` is set twice`, range: keyRange });
      seen.add(key);
      entries.push({
        key,
        keyRange,
        valueRange,
        firstLine: keyRange.start.line,
        lastLine: lastLineOf(keyRange.start.line, valueRange),
        value,
        isBlank,
      });
    }
  } else if (contents && !isMapping) {
    errors.push({
      message: 'The front matter must be a list of `key: value` entries.',
      range: range(1, 0, closeLine, 0),
    });
  }
  return { ...base, entries, errors, isMapping };
}

const YAML_OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'silent' } as const;

/**
 * Parses the front matter as Hugo does. Hugo's YAML reader accepts a double-quoted value that
 * continues on unindented lines (\`description: "… \n… text"\`), which strict YAML 1.2 rejects;
 * such a page is published as intended, so it is read the same way here: the continuation
 * lines are indented before parsing. Indenting only adds characters at the start of those
 * lines, so every key keeps its position.
 */
function readYaml(source: string): ReturnType<typeof parseDocument> {
  const doc = parseDocument(source, YAML_OPTIONS);
  if (!doc.errors.length) return doc;
  const lines = source.split('\n');
  let open = false;
  let changed = false;
  const out = lines.map((line) => {
    if (open) {
      const fixed = /^\S/.test(line) ? `  ${line}` : line;
      changed ||= fixed !== line;
      if (closesQuote(line)) open = false;
      return fixed;
    }
    const m = /^[A-Za-z_][\w-]*:[ \t]+"(.*)$/.exec(line);
    if (m && !closesQuote(m[1]!)) open = true;
    return line;
  });
  if (!changed) return doc;
  const repaired = parseDocument(out.join('\n'), YAML_OPTIONS);
  return repaired.errors.length ? doc : remapRanges(repaired, lines, out);
}

/** An unescaped `"` on the line. */
function closesQuote(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return true;
  }
  return false;
}

/** The repaired document's node ranges, moved back to the original text's offsets. */
function remapRanges(doc: ReturnType<typeof parseDocument>, original: readonly string[], repaired: readonly string[]): ReturnType<typeof parseDocument> {
  // For each repaired offset, how many characters were added before it.
  const added: number[] = [];
  let total = 0;
  const starts: number[] = [];
  let at = 0;
  repaired.forEach((line, n) => {
    starts.push(at);
    const extra = line.length - original[n]!.length;
    added.push(total);
    total += extra;
    at += line.length + 1;
  });
  const back = (offset: number): number => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    const extra = repaired[lo]!.length - original[lo]!.length;
    const col = offset - starts[lo]!;
    return offset - added[lo]! - Math.min(extra, col);
  };
  visit(doc.contents, (node) => {
    if (node.range) node.range = [back(node.range[0]), back(node.range[1]), back(node.range[2])];
  });
  return doc;
}

function visit(node: YamlNode | null | undefined, fn: (n: YamlNode) => void): void {
  if (!node) return;
  fn(node);
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        visit(item.key as YamlNode | null, fn);
        visit(item.value as YamlNode | null, fn);
      } else visit(item as YamlNode, fn);
    }
  }
}

/** A block value's range can end at the start of the next line; that line is not the entry's. */
function lastLineOf(keyLine: number, value: Range): number {
  const endsAtLineStart = value.end.character === 0 && value.end.line > keyLine;
  return Math.max(keyLine, value.end.line - (endsAtLineStart ? 1 : 0));
}

function blank(node: YamlNode): boolean {
  if (isScalar(node)) return node.value === null || (typeof node.value === 'string' && node.value.trim() === '');
  if (isSeq(node) || isMap(node)) return node.items.length === 0;
  return false;
}

function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** YAML reports some errors at a single point; give the editor something to underline. */
function widenEmpty(r: Range, index: LineIndex): Range {
  if (r.start.line !== r.end.line || r.start.character !== r.end.character) return r;
  const text = index.line(r.start.line);
  if (r.start.character < text.length) return range(r.start.line, r.start.character, r.start.line, text.length);
  return range(r.start.line, 0, r.start.line, text.length);
}

/** The string value of a front-matter key, when it is a non-blank scalar. */
export function stringValue(fm: FrontMatter | undefined, key: string): string | undefined {
  const entry = fm?.entries.find((e) => e.key === key);
  if (!entry || entry.isBlank) return undefined;
  const v = entry.value;
  // YAML reads any line break as LF; a value the parser gave up on can still hold the page's CR.
  if (typeof v === 'string') return v.replace(/\r\n?/g, '\n');
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}
