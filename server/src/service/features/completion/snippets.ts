import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import type { GradeTable } from '../../grades/gradeTable';
import { range } from '../../model/lines';
import type { JobFamilyModel } from '../../model/model';
import { SNIPPETS, withPlaceholderDefault } from '../../snippets';
import type { CursorContext } from '../context';
import { nextGrade } from '../levels';

/** At the start of a line: the snippets (a new page's templates only on a page without front matter). */
export function snippetItems(model: JobFamilyModel, pos: Position, ctx: CursorContext, grades: GradeTable): CompletionItem[] {
  const typed = /[\w-]*$/.exec(ctx.before)![0];
  const start = pos.character - typed.length;
  const level = ctx.level ?? [...model.levels].reverse().find((l) => (l.section?.startLine ?? 0) < pos.line);
  const next = nextGrade(grades, level?.grade?.grade);
  return SNIPPETS.flatMap((s, i) => {
    const isPage = s.name.startsWith('Job family');
    if (isPage && model.frontMatter) return [];
    let body = [...s.body];
    if (s.name === 'Level' || s.name === 'Role') {
      const stop = s.name === 'Level' ? 3 : 4;
      if (next !== undefined) body = withPlaceholderDefault(body, stop, String(next));
    }
    return s.prefix.slice(0, 1).map((prefix) => ({
      label: prefix,
      kind: CompletionItemKind.Snippet,
      detail: s.name,
      documentation: { kind: MarkupKind.Markdown, value: `${s.description}${(s.name === 'Level' || s.name === 'Role') && next !== undefined ? `\n\nGrade ${next} (the next grade after the level above).` : ''}` },
      sortText: `${isPage ? '0' : '1'}${String(i).padStart(3, '0')}`,
      filterText: `${s.prefix.join(' ')} ${s.name}`,
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: range(pos.line, start, pos.line, pos.character), newText: body.join('\n') },
    }));
  });
}
