import type { Range, TextEdit } from 'vscode-languageserver-types';
import { comparePositions } from '../model/lines';
import type { JobFamilyModel } from '../model/model';
import type { Fix } from '../rules/types';
import type { RuleFinding } from './findings';

/** A fix is used only when its edits lie inside the document and do not overlap. */
export function validFix(fix: Fix, model: JobFamilyModel): boolean {
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
  return true;
}

/** The fixes of all fixable findings that do not touch each other, first come first served. */
export function combineFixes(findings: readonly RuleFinding[]): TextEdit[] {
  const taken: Range[] = [];
  const edits: TextEdit[] = [];
  const touches = (a: Range, b: Range): boolean => comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
  for (const f of findings) {
    if (!f.fix) continue;
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
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
