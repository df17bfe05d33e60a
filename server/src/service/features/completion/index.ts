import type { CompletionList, Position } from 'vscode-languageserver-types';
import type { JobFamilyModel } from '../../model/model';
import { cursorContext } from '../context';
import type { CompletionEnv } from './env';
import { frontMatterItems } from './frontMatter';
import { gradeItems } from './grades';
import { headingItems } from './headings';
import { anchorPageOf, linkItems, linkTarget } from './links';
import { snippetItems } from './snippets';

export type { CompletionEnv } from './env';

/** Completions at a position: each kind decides from where the cursor is, so only one kind answers. */
export function completions(model: JobFamilyModel, pos: Position, env: CompletionEnv): CompletionList {
  const ctx = cursorContext(model, pos);
  const empty: CompletionList = { isIncomplete: false, items: [] };
  if (ctx.inCode) return empty;
  if (ctx.inFrontMatter) return { isIncomplete: false, items: frontMatterItems(model, pos, ctx) };
  const link = linkTarget(ctx.before);
  if (link) return linkItems(model, pos, link, env);
  const heading = /^(#{2,6})[ \t]+([^#]*)$/.exec(ctx.before);
  if (heading) return { isIncomplete: false, items: headingItems(model, pos, ctx, heading[1]!.length, heading[2]!) };
  const grade = gradeItems(model, pos, ctx, env.grades);
  if (grade) return { isIncomplete: false, items: grade };
  if (/^\s*[\w-]*$/.test(ctx.before)) return { isIncomplete: false, items: snippetItems(model, pos, ctx, env.grades) };
  return empty;
}

/** The page of the index whose anchors a completion here would list (after `path#`): they are read first. */
export function anchorPageAt(model: JobFamilyModel, pos: Position, env: CompletionEnv): string | undefined {
  const ctx = cursorContext(model, pos);
  if (ctx.inCode || ctx.inFrontMatter) return undefined;
  const link = linkTarget(ctx.before);
  return link ? anchorPageOf(model, link, env) : undefined;
}
