import { scanBlocks, type ScannedHeading } from './blocks';
import { emojify, withoutEmojiSymbols } from './emoji';
import { HeadingIds } from './headingIds';
import { rawHtmlIds } from './html';
import { expandShortcodes, hasShortcodes } from './shortcodes';
import { factsSignature } from '../handbook/signature';

/**
 * The anchors of a page exactly as the published site has them: what a link's `#fragment`
 * can name. One implementation for the handbook index (other pages) and the document model
 * (the page itself). Proven against Hugo by test/hugo.
 */
export type AnchorKind = 'heading' | 'custom' | 'attribute' | 'html' | 'footnote';

export interface PageAnchor {
  readonly id: string;
  readonly kind: AnchorKind;
  /** Line in the page (0-based), of the heading or of the id. */
  readonly line: number;
  /** Column of the id in that line where it is written (custom, attribute, html), else 0. */
  readonly col: number;
  readonly length: number;
}

export interface PageHeading {
  readonly id: string;
  readonly text: string;
  readonly line: number;
  readonly depth: number;
}

export interface PageAnchors {
  /** In page order. Ids the site has twice (two HTML elements) are listed twice. */
  readonly anchors: readonly PageAnchor[];
  /** Headings whose ID is known, in page order. */
  readonly headings: readonly PageHeading[];
  /** `{{% include "…" %}}` paths (under the site's assets/), in page order. */
  readonly includes: readonly string[];
  /**
   * Why some anchors of the page cannot be known (shortcodes that write headings from data,
   * include files not read, …); empty when every anchor is known. When not empty, every
   * anchor listed exists, but an anchor not listed may exist too.
   */
  readonly open: readonly string[];
}

export interface AnchorOptions {
  /** The page is HTML (`content/…/*.html`): no Markdown, only the ids of its HTML. */
  readonly html?: boolean;
  /** The text of an include target (a path under the site's assets/), or undefined when it cannot be read. */
  readonly readInclude?: (path: string) => string | undefined;
  /** The page's text, when the caller has it: searching it once is cheaper than searching its lines. */
  readonly text?: string;
}

/**
 * The last page's anchors, by its text and its facts signature: on each edit of an open page
 * the handbook index (its facts) and the document model (its own anchors) both ask for them,
 * and a keystroke that leaves the signature as it was (inside a paragraph, say) leaves the
 * anchors as they were. One entry, so it holds one page at most.
 */
let last: { readonly text: string; readonly signature: string | undefined; readonly bodyStart: number; readonly anchors: PageAnchors } | undefined;

/**
 * Past this change in length the text is taken for another page (or a paste) and its
 * signature is not worked out just to compare it.
 */
const EDIT_WINDOW = 256;
/** An edit keeps the text's start or its end as it was; another page (the index reading one page after another) keeps neither. */
const KEPT_END = 200;

function maybeEdited(before: string, after: string): boolean {
  if (Math.abs(before.length - after.length) > EDIT_WINDOW) return false;
  if (before.length <= 2 * KEPT_END) return true;
  return after.startsWith(before.slice(0, KEPT_END)) || after.endsWith(before.slice(-KEPT_END));
}

/** `lines` is the whole page (split from `options.text` when given); its body (after the front matter) starts at `bodyStart`. */
export function pageAnchors(lines: readonly string[], bodyStart: number, options: AnchorOptions = {}): PageAnchors {
  const { text } = options;
  // Include targets can change while the page does not: only pages read without them are
  // kept. HTML pages are few and never typed into: not kept.
  if (text === undefined || options.readInclude || options.html) return anchorsOf(lines, bodyStart, options);
  if (last?.bodyStart === bodyStart && last.text === text) return last.anchors;
  // An edit that keeps the signature keeps the anchors; another page is read anew.
  const edited = last?.bodyStart === bodyStart && maybeEdited(last.text, text) ? last : undefined;
  const before = edited ? (edited.signature ?? factsSignature(edited.text, false)) : undefined;
  const signature = edited ? factsSignature(text, false) : undefined;
  const anchors = edited && signature === before ? edited.anchors : anchorsOf(lines, bodyStart, options);
  last = { text, signature, bodyStart, anchors };
  return anchors;
}

function anchorsOf(lines: readonly string[], bodyStart: number, options: AnchorOptions): PageAnchors {
  let body: readonly string[] = lines;
  let start = bodyStart;
  let sourceOf: (line: number) => number = (n) => n;
  let marked: ReadonlySet<number> | undefined;
  const open: string[] = [];
  let includes: readonly string[] = [];
  const staticIds: PageAnchor[] = [];
  let shortcodes = false;
  let footnotes = false;
  if (options.text !== undefined) {
    shortcodes = hasShortcodes(options.text);
    footnotes = options.text.includes('[^');
  } else {
    for (let n = bodyStart; n < lines.length; n++) {
      if (!shortcodes) shortcodes = hasShortcodes(lines[n]!);
      if (!footnotes) footnotes = lines[n]!.includes('[^');
    }
  }
  if (shortcodes) {
    // Shortcode expansion replaces emoji codes in page text as it goes (Hugo's lexer does both).
    const expanded = expandShortcodes(bodyText(lines, bodyStart, options.text), options.readInclude);
    body = expanded.lines;
    start = 0;
    sourceOf = (n) => bodyStart + (expanded.sourceLine[n] ?? 0);
    marked = expanded.marked;
    open.push(...expanded.open);
    includes = expanded.includes;
    for (const s of expanded.ids) staticIds.push({ id: s.id, kind: 'html', line: bodyStart + s.line, col: 0, length: 0 });
  }

  if (options.html) {
    const anchors: PageAnchor[] = [...staticIds];
    const own = body.slice(start);
    const text = shortcodes ? own.join('\n') : emojify(own.join('\n'));
    const starts: number[] = [];
    let offset = 0;
    for (const l of own) {
      starts.push(offset);
      offset += l.length + 1;
    }
    rawHtmlIds(text, (id, at) => {
      let k = starts.length - 1;
      while (k > 0 && starts[k]! > at) k--;
      anchors.push({ id, kind: 'html', line: sourceOf(start + k), col: at - starts[k]!, length: id.length });
    });
    return { anchors: anchors.filter((a) => a.id), headings: [], includes, open };
  }

  // An included file may bring footnotes: then look for them everywhere.
  const facts = scanBlocks(body, start, (n) => marked?.has(n) ?? false, !shortcodes, footnotes || includes.length > 0);
  const anchors: PageAnchor[] = [];
  const headings: PageHeading[] = [];
  const seqs: number[] = [];
  const ids = new HeadingIds();
  const found = facts.ids;
  let k = 0;
  // Headings and ids each come in page order: merge them.
  const flushIds = (before: number): void => {
    for (; k < found.length && found[k]!.seq < before; k++) {
      const x = found[k]!;
      anchors.push({ id: x.id, kind: x.kind, line: sourceOf(x.line), col: x.col, length: x.id.length });
      seqs.push(x.seq);
    }
  };
  for (const h of facts.headings) {
    flushIds(h.seq);
    const line = sourceOf(h.line);
    const id = headingId(h, ids);
    if (id === undefined) {
      if (!open.includes(SHORTCODE_HEADING)) open.push(SHORTCODE_HEADING);
      continue;
    }
    headings.push({ id, text: withoutEmojiSymbols(h.text), line, depth: h.depth });
    if (id) {
      anchors.push({ id, kind: h.explicitId !== undefined ? 'custom' : 'heading', line, col: 0, length: 0 });
      seqs.push(h.seq);
    }
  }
  flushIds(Infinity);
  const notes = footnoteAnchors(facts);
  if (notes.length) {
    const all = anchors.map((anchor, i) => ({ seq: seqs[i]!, anchor }));
    for (const f of notes) all.push({ seq: f.seq, anchor: { ...f.anchor, line: sourceOf(f.anchor.line) } });
    all.sort((a, b) => a.seq - b.seq);
    anchors.length = 0;
    for (const a of all) anchors.push(a.anchor);
  }
  anchors.push(...staticIds);
  return { anchors, headings, includes, open };
}

const SHORTCODE_HEADING = 'a heading has shortcode output in its text';

/** The body as one string: a slice of the page's text when its lines were split on `\n` alone. */
function bodyText(lines: readonly string[], bodyStart: number, text: string | undefined): string {
  if (text === undefined || text.includes('\r')) return lines.slice(bodyStart).join('\n');
  let offset = 0;
  for (let n = 0; n < bodyStart; n++) offset += lines[n]!.length + 1;
  return text.slice(offset);
}

/** The heading's ID, taking its name in document order; undefined when shortcode output makes it up. */
function headingId(h: ScannedHeading, ids: HeadingIds): string | undefined {
  if (h.explicitId !== undefined) return ids.put(h.explicitId);
  const id = ids.generate(h.raw);
  return h.unknown ? undefined : id;
}

/**
 * Goldmark's footnotes: a reference to a defined label numbers its footnote by first use
 * (`fn:1`) and gets `fnref:1`, then `fnref1:1`, … on repeats. Inline text is parsed in
 * tree order, where all definitions sit at the first one. Unreferenced definitions are
 * dropped, and references inside them render nowhere, though they still count.
 */
function footnoteAnchors(facts: ReturnType<typeof scanBlocks>): { seq: number; anchor: PageAnchor }[] {
  const { definitions, references } = facts;
  if (!definitions.length || !references.length) return [];
  const firstByLabel = new Map<string, number>();
  definitions.forEach((d, k) => {
    if (!firstByLabel.has(d.label)) firstByLabel.set(d.label, k);
  });
  const firstSeq = definitions[0]!.seq;
  const order = [
    ...references.filter((r) => r.inDefinition < 0 && r.seq < firstSeq),
    ...references.filter((r) => r.inDefinition >= 0).sort((a, b) => a.inDefinition - b.inDefinition || a.seq - b.seq),
    ...references.filter((r) => r.inDefinition < 0 && r.seq > firstSeq),
  ];
  const index = new Map<number, number>();
  const refCount = new Map<number, number>();
  const refs: { def: number; refIndex: number; ref: (typeof references)[number] }[] = [];
  for (const r of order) {
    const def = firstByLabel.get(r.label);
    if (def === undefined) continue;
    if (!index.has(def)) index.set(def, index.size + 1);
    const n = refCount.get(def) ?? 0;
    refCount.set(def, n + 1);
    refs.push({ def, refIndex: n, ref: r });
  }
  const out: { seq: number; anchor: PageAnchor }[] = [];
  for (const { def, refIndex, ref } of refs) {
    if (ref.inDefinition >= 0 && !index.has(ref.inDefinition)) continue;
    const id = `fnref${refIndex || ''}:${index.get(def)!}`;
    out.push({ seq: ref.seq, anchor: { id, kind: 'footnote', line: ref.line, col: ref.col, length: 0 } });
  }
  for (const [def, n] of index) out.push({ seq: definitions[def]!.seq, anchor: { id: `fn:${n}`, kind: 'footnote', line: definitions[def]!.line, col: 0, length: 0 } });
  return out;
}
