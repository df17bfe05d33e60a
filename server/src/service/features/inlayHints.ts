import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver-types';
import type { JobFamilyModel } from '../model/model';

/**
 * Each level's grade at the end of its heading, so the ladder reads at a glance in the editor
 * (and in editors whose outline is the plain heading tree).
 */
export function inlayHints(model: JobFamilyModel, range: Range): InlayHint[] {
  const out: InlayHint[] = [];
  for (const level of model.levels) {
    const h = level.section?.heading;
    const grade = level.grade?.grade;
    if (!h || grade === undefined || h.line < range.start.line || h.line > range.end.line) continue;
    out.push({ position: { line: h.line, character: model.lines.line(h.line).length }, label: `grade ${grade}`, kind: InlayHintKind.Type, paddingLeft: true, tooltip: `${level.title}: grade ${grade} of the grade table` });
  }
  return out;
}
