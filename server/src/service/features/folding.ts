import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { JobFamilyModel } from '../model/model';

/** The front matter and every section, for clients that do not fold Markdown themselves. */
export function foldingRanges(model: JobFamilyModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const fm = model.frontMatter;
  if (fm?.closeLine !== undefined && fm.closeLine > fm.openLine) out.push({ startLine: fm.openLine, endLine: fm.closeLine, kind: FoldingRangeKind.Region });
  for (const s of model.sections) {
    if (!s.heading) continue;
    let end = s.endLine - 1;
    while (end > s.startLine && model.lines.line(end).trim() === '') end--;
    if (end > s.startLine) out.push({ startLine: s.startLine, endLine: end });
  }
  return out;
}
