/**
 * Checks that fixing a page is lossless and idempotent. `fixText` is replayed pass by pass
 * from the findings the service offers: each pass applies, with an independent splice,
 * edits that are among the fixes offered for that text, so the text outside the edited
 * ranges is the same bytes in the same order by construction; the replay must end on
 * exactly the text `fixText` returned, which proves `fixText` changed nothing else.
 * On the way: no edit outside the document, in code, or (for rules not about the front
 * matter) in the front matter, none that lands inserted text in code or front matter, the
 * page's line breaks kept, no pass cap, and a second `fixText` changes nothing.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { createLanguageService, lintText, NEVER_CANCELLED, type LanguageService, type Logger, type RuleFinding, type Workspace } from '../../server/src/service';
import { combineFixes } from '../../server/src/service/features/fixes';
import { parseModel, type JobFamilyModel } from '../../server/src/service/model/model';

/** The service's own limit; replaying more passes than this means `fixText` gave up. */
export const MAX_FIX_PASSES = 10;

export interface LoggedService {
  readonly ls: LanguageService;
  readonly errors: string[];
  /**
   * Saves a page into the workspace and tells the service, as `--fix` finds a page on disk.
   * The replay opens the page to get its findings, and an open page counts in the handbook
   * index; with the page saved, the index holds the same page during `fixText`.
   */
  readonly save?: (uri: string, text: string) => Promise<void>;
}

/** A workspace a test can write pages into. */
export interface WritableWorkspace extends Workspace {
  setUri(uri: string, text: string): void;
}

/** A service whose log is kept, so a test can prove it never said the fixes kept changing a page. */
export function loggedService(workspace?: Workspace | WritableWorkspace): LoggedService {
  const errors: string[] = [];
  const logger: Logger = { log: () => undefined, error: (m) => errors.push(m) };
  const ls = createLanguageService({ workspace, logger });
  const writable = workspace && 'setUri' in workspace ? workspace : undefined;
  const save = writable
    ? async (uri: string, text: string): Promise<void> => {
        writable.setUri(uri, text);
        await ls.filesChanged([{ uri, type: 'changed' }], NEVER_CANCELLED);
      }
    : undefined;
  return { ls, errors, save };
}

/** What a problem is about: the first word in brackets of each problem. */
export type ProblemKind = 'lossless' | 'placement' | 'settles' | 'idempotent' | 'line breaks';

export const kindOf = (problem: string): ProblemKind => /^\[([a-z ]+)\]/.exec(problem)![1] as ProblemKind;

export interface FixCheck {
  readonly problems: string[];
  readonly passes: number;
  readonly changed: boolean;
}

type Break = '\r\n' | '\r' | '\n';

function lineStarts(text: string): { starts: number[]; lengths: number[] } {
  const starts = [0];
  const lengths: number[] = [];
  const re = /\r\n|\r|\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lengths.push(m.index - starts[starts.length - 1]!);
    starts.push(m.index + m[0].length);
  }
  lengths.push(text.length - starts[starts.length - 1]!);
  return { starts, lengths };
}

/** The one kind of line break a text uses, or undefined when it has none or several. */
export function onlyBreak(text: string): Break | undefined {
  const kinds = new Set<Break>();
  for (const m of text.matchAll(/\r\n|\r|\n/g)) kinds.add(m[0] as Break);
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

interface Placed {
  readonly edit: TextEdit;
  readonly start: number;
  readonly end: number;
}

/** Splices edits into text from their line/character positions, without the service's helpers. */
function splice(text: string, edits: readonly TextEdit[], problems: string[]): { text: string; inserted: { from: number; to: number; edit: TextEdit }[] } {
  const { starts, lengths } = lineStarts(text);
  const placed: Placed[] = [];
  for (const edit of edits) {
    const { start, end } = edit.range;
    const ok = (p: { line: number; character: number }): boolean => p.line >= 0 && p.line < starts.length && p.character >= 0 && p.character <= lengths[p.line]!;
    if (!ok(start) || !ok(end)) {
      problems.push(`[lossless] edit outside the document: ${JSON.stringify(edit.range)}`);
      continue;
    }
    placed.push({ edit, start: starts[start.line]! + start.character, end: starts[end.line]! + end.character });
  }
  placed.sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  const inserted: { from: number; to: number; edit: TextEdit }[] = [];
  for (const p of placed) {
    if (p.end < p.start) problems.push(`[lossless] edit with its end before its start: ${JSON.stringify(p.edit.range)}`);
    if (p.start < at) {
      problems.push(`[lossless] overlapping edits at ${JSON.stringify(p.edit.range)}`);
      continue;
    }
    out += text.slice(at, p.start);
    inserted.push({ from: out.length, to: out.length + p.edit.newText.length, edit: p.edit });
    out += p.edit.newText;
    at = p.end;
  }
  out += text.slice(at);
  return { text: out, inserted };
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const frontMatterEnd = (m: JobFamilyModel): number => (m.frontMatter ? m.frontMatter.range.end.line : -1);
const isFrontMatterRule = (f: RuleFinding): boolean => f.rule.meta.tags.includes('front-matter');

/** Where each edit sits before it is applied: in the document, out of code, out of the front matter unless its rule is about it. */
function checkPlacement(model: JobFamilyModel, f: RuleFinding, edit: TextEdit, problems: string[]): void {
  const what = `${f.rule.meta.id} ${JSON.stringify(edit.range)} ${JSON.stringify(edit.newText.slice(0, 80))}`;
  if (!isFrontMatterRule(f) && edit.range.start.line <= frontMatterEnd(model)) problems.push(`[placement] ${what}: edits the front matter`);
  for (let n = edit.range.start.line; n <= edit.range.end.line; n++) if (model.codeLines.has(n)) problems.push(`[placement] ${what}: edits code (line ${n})`);
}

/** Where inserted text lands afterwards: not in code, not in the front matter unless its rule is about it; the page's line breaks kept. */
function checkLanding(before: string, after: string, inserted: { from: number; to: number; edit: TextEdit }[], owner: Map<TextEdit, RuleFinding>, uri: string, problems: string[]): void {
  const model = parseModel(after, uri, -1);
  const { starts } = lineStarts(after);
  const eol = onlyBreak(before);
  for (const ins of inserted) {
    const f = owner.get(ins.edit);
    if (!f) continue;
    const text = ins.edit.newText;
    const what = `${f.rule.meta.id} inserting ${JSON.stringify(text.slice(0, 80))}`;
    if (eol) {
      const other = [...text.matchAll(/\r\n|\r|\n/g)].find((m) => m[0] !== eol);
      if (other) problems.push(`[line breaks] ${what}: writes ${JSON.stringify(other[0])} into a page whose line breaks are all ${JSON.stringify(eol)}`);
    }
    if (!text.trim()) continue;
    const first = lineOf(starts, ins.from);
    const last = lineOf(starts, Math.max(ins.from, ins.to - 1));
    for (let n = first; n <= last; n++) {
      const line = after.slice(starts[n], starts[n + 1] ?? after.length);
      // Only lines that carry inserted words count; a line break inserted at a code line's end does not.
      const from = Math.max(ins.from, starts[n]!);
      const to = Math.min(ins.to, starts[n + 1] ?? after.length);
      if (!after.slice(from, to).trim()) continue;
      if (model.codeLines.has(n)) problems.push(`[placement] ${what}: the inserted text lands in code (line ${n}: ${JSON.stringify(line.slice(0, 60))})`);
      if (!isFrontMatterRule(f) && n <= frontMatterEnd(model)) problems.push(`[placement] ${what}: the inserted text lands in the front matter (line ${n})`);
    }
  }
}

/** Replays and checks `fixText` on one page; returns what went wrong (nothing when all holds). */
export async function checkFixes(service: LoggedService, uri: string, text: string, suggestions: boolean): Promise<FixCheck> {
  const { ls, errors } = service;
  const problems: string[] = [];
  const errorsBefore = errors.length;
  await service.save?.(uri, text);
  const result = await ls.fixText(uri, text, { suggestions }, NEVER_CANCELLED);
  let current = text;
  let passes = 0;
  for (; passes < MAX_FIX_PASSES; passes++) {
    const findings = await lintText(ls, uri, current);
    const model = parseModel(current, uri, -1);
    const offered = new Map<TextEdit, RuleFinding>();
    for (const f of findings) if (f.fix && (f.fix.kind === 'safe' || suggestions)) for (const e of f.fix.edits) offered.set(e, f);
    const chosen = combineFixes(findings, { suggestions });
    if (!chosen.length) break;
    for (const e of chosen) {
      const f = offered.get(e);
      if (!f) problems.push(`[lossless] an edit that no offered fix has: ${JSON.stringify(e)}`);
      else checkPlacement(model, f, e, problems);
    }
    const next = splice(current, chosen, problems);
    if (next.text === current) break;
    checkLanding(current, next.text, next.inserted, offered, uri, problems);
    current = next.text;
  }
  if (passes >= MAX_FIX_PASSES) problems.push(`[settles] the fixes still changed the page after ${passes} passes`);
  const logged = errors.slice(errorsBefore).filter((m) => /kept changing/.test(m));
  if (logged.length) problems.push(`[settles] the service logged: ${logged[0]}`);
  if (result.text !== current) problems.push(`[lossless] fixText returned a text that the offered fixes do not explain (first difference at offset ${firstDifference(result.text, current)})`);
  const eol = onlyBreak(text);
  if (eol && onlyBreak(result.text) !== eol && /[\r\n]/.test(result.text)) problems.push(`[line breaks] line breaks were all ${JSON.stringify(eol)}, afterwards they are not`);
  await service.save?.(uri, result.text);
  const again = await ls.fixText(uri, result.text, { suggestions }, NEVER_CANCELLED);
  if (again.changed) problems.push(`[idempotent] a second fixText changed the page again (at offset ${firstDifference(result.text, again.text)})`);
  return { problems: [...new Set(problems)], passes, changed: result.changed };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

export function describeProblems(page: string, mode: string, problems: readonly string[]): string {
  return `${page} (${mode}): ${problems.length} problem(s)\n  ${problems.slice(0, 6).join('\n  ')}`;
}

export const NEVER = NEVER_CANCELLED;
