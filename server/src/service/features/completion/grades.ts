import { CompletionItemKind, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { gradeDoc, type GradeTable } from '../../grades/gradeTable';
import { range } from '../../model/lines';
import type { JobFamilyModel } from '../../model/model';
import { effectiveKind } from '../../model/sections';
import type { CursorContext } from '../context';
import { fittingGrade } from '../levels';

/** In a grade section or after "is a": every grade, the level's own first and preselected, as the linked form. */
export function gradeItems(model: JobFamilyModel, pos: Position, ctx: CursorContext, grades: GradeTable): CompletionItem[] | undefined {
  const inGradeSection = effectiveKind(ctx.section) === 'job-grade';
  const insideLinkText = /\[\s*grade\s*#?\d*$/i.exec(ctx.before);
  const afterWord = /\bgrade\s*#?\d*$/i.exec(ctx.before);
  const sentence = /\bis an?\s+(?:grade\s*#?\d*)?$/i.test(ctx.before);
  if (!inGradeSection && !sentence) return undefined;
  if (!insideLinkText && !afterWord && !sentence && !/^\s*$/.test(ctx.before.slice(-1))) return undefined;
  const fitting = fittingGrade(model, ctx.level, grades);
  const link = grades.link();
  return grades.grades.map((g) => {
    const titles = grades.titles(g);
    let newText: string;
    let start: number;
    if (insideLinkText) {
      const digits = /#?\d*$/.exec(ctx.before)![0];
      start = pos.character - digits.length;
      newText = String(g);
    } else if (afterWord) {
      start = pos.character - afterWord[0].length;
      newText = `[grade ${g}](${link})`;
    } else {
      start = pos.character;
      newText = `[grade ${g}](${link})`;
    }
    return {
      label: `grade ${g}`,
      kind: CompletionItemKind.Constant,
      detail: titles.length ? titles.join(', ') : 'outside the general table',
      documentation: { kind: MarkupKind.Markdown, value: gradeDoc(grades, g) },
      // The fitting grade first, then the others by how far they are from it.
      sortText: `${String(fitting === undefined ? g : Math.abs(g - fitting)).padStart(2, '0')}${String(g).padStart(2, '0')}`,
      preselect: g === fitting,
      filterText: `grade ${g} ${titles.join(' ')}`,
      textEdit: { range: range(pos.line, start, pos.line, pos.character), newText },
    };
  });
}
