import type { Position, Range } from 'vscode-languageserver-types';
import type { GradeTable } from '../grades/gradeTable';
import { range } from '../model/lines';
import type { JobFamilyModel } from '../model/model';
import levelData from '../data/level-titles.json';
import { snippetNamed, withPlaceholderDefault } from '../snippets';
import { levelAt } from './context';
import { roleName } from '../model/names';
import { nextGrade } from './levels';

export interface LevelInsertion {
  /** Where the new level goes: after the level the cursor is in (or the last one). */
  readonly position: Position;
  /** A snippet (VS Code syntax) for the new level. */
  readonly snippet: string;
  readonly grade: number | undefined;
  /** A suggested name: the next title of the ladder. */
  readonly suggestedName: string;
  readonly depth: number;
}

/** What "Add Level" inserts, and where. Undefined when the page has no levels section to add to. */
export function levelInsertion(model: JobFamilyModel, pos: Position, grades: GradeTable): LevelInsertion | undefined {
  const current = levelAt(model, pos.line) ?? model.levels[model.levels.length - 1];
  const levelsSection = model.sections.find((s) => s.kind === 'levels');
  const after = current?.section;
  if (!after && !levelsSection) return undefined;
  const depth = after?.depth ?? (levelsSection ? levelsSection.depth + 1 : 3);
  let line = after ? after.endLine : levelsSection!.endLine;
  // Insert before the blank lines that separate the level from what follows.
  while (line > 0 && model.lines.line(line - 1).trim() === '') line--;
  const grade = nextGrade(grades, current?.grade?.grade);
  let body = withPlaceholderDefault(snippetNamed(depth === 2 ? 'Role' : 'Level').body, depth === 2 ? 4 : 3, grade !== undefined ? String(grade) : '#');
  const ladder = [...levelData.individual, ...levelData.management];
  const next = ladder.find((l) => l.grade === grade && !model.levels.some((x) => x.title.toLowerCase().includes(l.title.toLowerCase())));
  const suggestedName = next ? next.pattern.replace('{role}', roleName(model)) : roleName(model);
  body = shiftTo(body, depth);
  // End the snippet on its last line of content, not on an empty "$0" line.
  if (body[body.length - 1] === '$0') {
    body.pop();
    body[body.length - 1] += '$0';
  }
  const eol = model.lines.eol;
  if (line >= model.lines.lineCount) {
    const last = model.lines.lineCount - 1;
    return { position: { line: last, character: model.lines.line(last).length }, snippet: eol + eol + body.join(eol), grade, suggestedName, depth };
  }
  // A blank line before the new level, and one after it unless the page already has one there.
  const blankAfter = model.lines.line(line).trim() === '' ? '' : eol;
  return { position: { line, character: 0 }, snippet: eol + body.join(eol) + eol + blankAfter, grade, suggestedName, depth };
}

/** The Level snippet is written for `###` levels; Template 2 roles are `##`. */
function shiftTo(body: readonly string[], depth: number): string[] {
  const base = body.find((l) => l.startsWith('#'))?.match(/^#+/)?.[0].length ?? depth;
  const by = depth - base;
  return body.map((l) => {
    const m = /^(#{1,6})(\s)/.exec(l);
    return m ? '#'.repeat(Math.min(6, Math.max(1, m[1]!.length + by))) + l.slice(m[1]!.length) : l;
  });
}

/** Every `{add …}` placeholder and `[grade #]`, in page order. */
export function placeholders(model: JobFamilyModel): Range[] {
  const out: Range[] = model.placeholders.filter((p) => p.kind === 'add').map((p) => p.range);
  // The template's `#` in `[grade #]`: just the `#`, where a grade completion replaces it.
  for (const g of model.grades) {
    if (g.grade !== undefined || !g.link || !g.link.text.trimEnd().endsWith('#')) continue;
    const end = g.link.textRange.start.character + g.link.text.trimEnd().length;
    out.push(range(g.line, end - 1, g.line, end));
  }
  return out.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character).map((r) => range(r.start.line, r.start.character, r.end.line, r.end.character));
}
