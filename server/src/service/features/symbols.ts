import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { JobFamilyModel } from '../model/model';
import { effectiveKind, type Section } from '../model/sections';

/**
 * The outline: the heading tree, with levels marked as such and their grade as detail, so
 * the Outline view shows the family's ladder at a glance.
 */
export function documentSymbols(model: JobFamilyModel): DocumentSymbol[] {
  const levelOf = new Map(model.levels.filter((l) => l.section).map((l) => [l.section!, l]));
  const toSymbol = (s: Section): DocumentSymbol => {
    const h = s.heading!;
    const level = levelOf.get(s);
    const kind = effectiveKind(s);
    const lastLine = Math.max(h.line, s.endLine - 1);
    return {
      name: h.text || '(empty heading)',
      // Only a level's grade is worth a detail; a section's own name needs no repeating.
      detail: level ? (level.grade?.grade !== undefined ? `grade ${level.grade.grade}` : 'no grade') : undefined,
      kind: level ? SymbolKind.Class : kind ? SymbolKind.Property : SymbolKind.Namespace,
      range: { start: { line: h.line, character: 0 }, end: { line: lastLine, character: model.lines.line(lastLine).length } },
      selectionRange: h.textRange,
      children: s.children.map(toSymbol),
    };
  };
  const roots = model.sections[0]!.children.map(toSymbol);
  const page = model.levels.length === 1 && !model.levels[0]!.section ? model.levels[0] : undefined;
  if (page && model.title) {
    const last = model.lines.lineCount - 1;
    return [
      {
        name: model.title,
        detail: page.grade?.grade !== undefined ? `grade ${page.grade.grade}` : 'no grade',
        kind: SymbolKind.Class,
        range: { start: { line: 0, character: 0 }, end: { line: last, character: model.lines.line(last).length } },
        selectionRange: model.titleRange,
        children: roots,
      },
    ];
  }
  return roots;
}
