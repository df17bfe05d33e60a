import type { Position } from 'vscode-languageserver-types';
import type { JobFamilyModel } from '../model/model';
import type { Level } from '../model/roles';
import type { Section } from '../model/sections';

/** Where the cursor is, in the terms completions and hovers need. */
export interface CursorContext {
  readonly line: string;
  /** The text of the line before the cursor. */
  readonly before: string;
  readonly inFrontMatter: boolean;
  readonly inCode: boolean;
  readonly section: Section;
  /** The level the cursor is in, when it is in one. */
  readonly level: Level | undefined;
}

export function cursorContext(model: JobFamilyModel, pos: Position): CursorContext {
  const line = model.lines.line(pos.line);
  const fm = model.frontMatter;
  const inFrontMatter = fm !== undefined && pos.line > fm.openLine && (fm.closeLine === undefined || pos.line < fm.closeLine);
  return {
    line,
    before: line.slice(0, pos.character),
    inFrontMatter,
    inCode: model.codeLines.has(pos.line),
    section: model.sectionAt(pos.line),
    level: levelAt(model, pos.line),
  };
}

export function levelAt(model: JobFamilyModel, line: number): Level | undefined {
  return model.levels.find((l) => (l.section ? line >= l.section.startLine && line < l.section.endLine : line >= model.bodyStartLine));
}
