import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

export interface ChangedFiles {
  /** The repository's top folder. */
  readonly top: string;
  /** Files added, modified or renamed to, that exist now (absolute paths). */
  readonly present: readonly string[];
  /** Files deleted or renamed away: their split family's other pages need checking again. */
  readonly removed: readonly string[];
  /** What the diff was taken from, for messages. */
  readonly base: string;
  readonly note: string | undefined;
}

function git(cwd: string, args: readonly string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

function tryGit(cwd: string, args: readonly string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

/**
 * The files changed since `ref`, as a merge request sees them: from the merge base of
 * `ref` and HEAD to HEAD (`git diff ref...HEAD`), plus what is staged, unstaged or
 * untracked (and not ignored), so that a run before committing checks the same pages.
 * A CI checkout is clean, so the second part adds nothing there.
 *
 * A shallow clone may lack the history to find a merge base; the diff is then taken from
 * `ref` itself, which is the same when `ref` is the base already (as GitLab's
 * CI_MERGE_REQUEST_DIFF_BASE_SHA is).
 */
export function changedFiles(cwd: string, ref: string): ChangedFiles {
  const top = tryGit(cwd, ['rev-parse', '--show-toplevel'])?.trim();
  if (!top) throw new UsageError(`--changed-since needs a git repository; ${cwd} is not in one`);
  if (tryGit(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]) === undefined) {
    throw new UsageError(`--changed-since: "${ref}" is not a commit of this repository (in a shallow clone, fetch it first)`);
  }
  const mergeBase = tryGit(top, ['merge-base', ref, 'HEAD'])?.trim();
  const base = mergeBase || ref;
  const note = mergeBase ? undefined : `no merge base of ${ref} and HEAD (shallow history?): comparing with ${ref} itself`;

  const changed = new Set<string>();
  const names = (out: string): string[] => out.split('\0').filter(Boolean);
  // --no-renames: a rename is a deletion and an addition, so the old folder's family is checked too.
  const diff = (args: readonly string[]): void => {
    for (const f of names(git(top, ['-c', 'core.quotePath=false', 'diff', '--name-only', '--no-renames', '-z', ...args]))) changed.add(path.join(top, f));
  };
  diff([base, 'HEAD']);
  // Uncommitted work: the index and the work tree against HEAD.
  diff(['HEAD']);
  for (const f of names(git(top, ['ls-files', '--others', '--exclude-standard', '-z']))) changed.add(path.join(top, f));
  // What exists now is checked; what is gone (deleted, renamed away) only brings its family's other pages.
  const present: string[] = [];
  const removed: string[] = [];
  for (const f of [...changed].sort()) (existsSync(f) ? present : removed).push(f);
  return { top, present, removed, base, note };
}
