import * as assert from 'node:assert/strict';
import type { Position, Range } from 'vscode-languageserver-types';
import type { LanguageService } from '../../server/src/service';

/** Where the cursor is in a test page. */
export const CURSOR = '¦';
/** Around a selection in a test page: `«selected»`. */
export const SELECTION = ['«', '»'] as const;

export interface MarkedText {
  /** The text with the markers taken out. */
  readonly text: string;
  /** Where `¦` was; with a selection, its start. */
  readonly position: Position;
  /** The `«…»` selection; an empty range at the cursor when there is none. */
  readonly range: Range;
}

/** The position of `offset` in `text` (lines split at `\n`). */
export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

/** Reads a page written with `¦` for the cursor, or `«` and `»` around a selection (exactly one of the two). */
export function marked(source: string): MarkedText {
  const cursor = source.indexOf(CURSOR);
  const open = source.indexOf(SELECTION[0]);
  assert.ok((cursor >= 0) !== (open >= 0), 'the page marks a cursor (¦) or a selection («»), not both or neither');
  if (cursor >= 0) {
    assert.equal(source.indexOf(CURSOR, cursor + 1), -1, 'one cursor');
    const text = source.slice(0, cursor) + source.slice(cursor + CURSOR.length);
    const position = positionAt(text, cursor);
    return { text, position, range: { start: position, end: position } };
  }
  const close = source.indexOf(SELECTION[1], open);
  assert.ok(close > open, 'a selection closes with »');
  const text = source.slice(0, open) + source.slice(open + 1, close) + source.slice(close + 1);
  const start = positionAt(text, open);
  return { text, position: start, range: { start, end: positionAt(text, close - 1) } };
}

/**
 * Opens the marked page in `ls` as a job-family page (a new version when it is open already),
 * as the editor does before it asks anything at the cursor.
 */
export function openMarked(ls: LanguageService, uri: string, source: string): MarkedText {
  const page = marked(source);
  const open = ls.getModel(uri);
  const d = { uri, version: (open?.version ?? 0) + 1, getText: () => page.text };
  if (open) ls.changeDocument(d);
  else ls.openDocument(d, { jobFamily: true });
  return page;
}
