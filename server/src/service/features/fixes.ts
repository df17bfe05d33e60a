import type { Range, TextEdit } from 'vscode-languageserver-types';
import { comparePositions } from '../model/lines';
import type { JobFamilyModel } from '../model/model';
import type { Fix, Rule } from '../rules/types';
import type { RuleFinding } from './findings';

export interface FixSelection {
  /** Include suggestions (editor quick fixes); bulk fixing never does. */
  readonly suggestions: boolean;
  /** Only these rule codes, when given. */
  readonly rules?: ReadonlySet<string>;
}

/**
 * A fix is used only when its edits lie inside the document, do not overlap, and stay out
 * of places a fix must not touch: code, and the front matter unless the rule is about the
 * front matter (an unclosed front matter covers the whole page, so nothing lands there).
 */
export function validFix(fix: Fix, model: JobFamilyModel, rule: Rule): boolean {
  if (!fix.edits.length) return false;
  const inside = (r: Range): boolean =>
    comparePositions(r.start, r.end) <= 0 &&
    r.start.line >= 0 &&
    r.end.line < model.lines.lineCount &&
    r.start.character <= model.lines.line(r.start.line).length &&
    r.end.character <= model.lines.line(r.end.line).length;
  if (!fix.edits.every((e) => inside(e.range))) return false;
  const sorted = [...fix.edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  for (let i = 1; i < sorted.length; i++) if (comparePositions(sorted[i - 1]!.range.end, sorted[i]!.range.start) > 0) return false;
  const fm = model.frontMatter;
  const frontMatterRule = rule.meta.tags.includes('front-matter');
  const fmEnd = fm ? fm.range.end.line : -1;
  const codeFrom = model.openFenceFrom ?? Infinity;
  for (const e of fix.edits) {
    if (e.range.start.line <= fmEnd && !frontMatterRule) return false;
    // After a fence or comment that is never closed, everything is swallowed: an inserted section would vanish into it.
    if (e.range.end.line > codeFrom) return false;
    for (let n = e.range.start.line; n <= e.range.end.line; n++) if (model.codeLines.has(n)) return false;
  }
  return true;
}

/** The fixes of the chosen findings that do not touch each other, first come first served. */
export function combineFixes(findings: readonly RuleFinding[], selection: FixSelection): TextEdit[] {
  const taken: Range[] = [];
  const edits: TextEdit[] = [];
  const touches = (a: Range, b: Range): boolean => comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
  for (const f of findings) {
    if (!f.fix || (f.fix.kind === 'suggestion' && !selection.suggestions)) continue;
    if (selection.rules && !selection.rules.has(f.rule.meta.id)) continue;
    if (f.fix.edits.some((e) => taken.some((t) => touches(t, e.range)))) continue;
    for (const e of f.fix.edits) {
      taken.push(e.range);
      edits.push(e);
    }
  }
  return edits;
}

/** Applies non-overlapping edits to text. */
export function applyEdits(model: JobFamilyModel, edits: readonly TextEdit[]): string {
  const text = model.lines.text;
  const withOffsets = edits
    .map((e) => ({ start: model.lines.offsetAt(e.range.start), end: model.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  // One pass, left to right: the text between edits is copied as it is.
  const parts: string[] = [];
  let at = 0;
  for (const e of withOffsets) {
    parts.push(text.slice(at, e.start), e.text);
    at = Math.max(at, e.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}
