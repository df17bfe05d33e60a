import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { JobFamilyModel } from '../model/model';
import { range } from '../model/lines';
import type { Section, SectionKind } from '../model/sections';
import { effectiveKind } from '../model/sections';

export function insertAt(line: number, character: number, newText: string): TextEdit {
  return { range: range(line, character, line, character), newText };
}

export function replace(r: Range, newText: string): TextEdit {
  return { range: r, newText };
}

/** Deletes whole lines `from`..`to` (inclusive). */
export function deleteLines(model: JobFamilyModel, from: number, to: number): TextEdit {
  return { range: model.lines.linesBlock(from, to + 1), newText: '' };
}

/** Inserts whole lines before `line` (or at the end of the document). */
export function insertLines(model: JobFamilyModel, line: number, lines: readonly string[]): TextEdit {
  const eol = model.lines.eol;
  if (line < model.lines.lineCount) return insertAt(line, 0, lines.join(eol) + eol);
  const last = model.lines.lineCount - 1;
  const lastText = model.lines.line(last);
  return insertAt(last, lastText.length, (lastText === '' ? '' : eol) + lines.join(eol) + eol);
}

/** The last line of a section that holds content (its trailing blank lines excluded). */
export function lastContentLine(model: JobFamilyModel, s: Section): number {
  let n = s.endLine - 1;
  while (n > s.startLine && model.lines.line(n).trim() === '') n--;
  return n;
}

export function sectionsOfKind(model: JobFamilyModel, kind: SectionKind): Section[] {
  return model.sections.filter((s) => effectiveKind(s) === kind || s.alsoKind === kind);
}

/** The text of a section's lines (headings included), for word searches. */
export function sectionText(model: JobFamilyModel, s: Section): string {
  const out: string[] = [];
  for (let n = s.bodyStartLine; n < s.endLine; n++) out.push(model.lines.line(n));
  return out.join('\n');
}

/** A title from a file name: `senior-backend-engineer.md` → "Senior Backend Engineer". */
export function titleFromFileName(uri: string): string {
  const parts = uri.split('/');
  let name = decodeURIComponent(parts[parts.length - 1] ?? '').replace(/\.[^.]*$/, '');
  if (name === '_index' || name === 'index') name = decodeURIComponent(parts[parts.length - 2] ?? name);
  return name
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => (w.length <= 3 && /^(vp|it|ux|ceo|cfo|cto|sox|pmo|fpa|tpm|sre)$/i.test(w) ? w.toUpperCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/** A YAML double-quoted scalar. */
export function yamlString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
