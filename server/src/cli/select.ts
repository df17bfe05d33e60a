import { existsSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { UsageError, type Options } from './args';
import { changedFiles, type ChangedFiles } from './changed';
import { globMatches, handbookRoot, isGlob, nearestFolder, splitGlob, walk, type PageFilter, type WalkOptions } from './discover';

/** What the command line asks for, before the configuration says which files are pages. */
export type Input =
  | { readonly kind: 'file'; readonly arg: string; readonly path: string }
  | { readonly kind: 'folder'; readonly arg: string; readonly path: string }
  | { readonly kind: 'glob'; readonly arg: string; readonly base: string; readonly rest: string }
  | { readonly kind: 'stdin'; readonly path: string };

export interface Request {
  readonly inputs: readonly Input[];
  readonly changed: ChangedFiles | undefined;
  /** Folders the workspace is made of (handbook checkouts), for the service and for write checks. */
  readonly roots: readonly string[];
}

export function readRequest(o: Options, cwd: string): Request {
  const inputs: Input[] = [];
  if (o.stdinFilename !== undefined) inputs.push({ kind: 'stdin', path: path.resolve(cwd, o.stdinFilename) });
  const args = o.stdinFilename !== undefined ? [] : o.paths.length || o.changedSince !== undefined ? o.paths : ['.'];
  for (const arg of args) {
    const p = path.resolve(cwd, arg);
    if (existsSync(p)) inputs.push({ kind: statSync(p).isDirectory() ? 'folder' : 'file', arg, path: p });
    else if (isGlob(arg)) {
      const { base, rest } = splitGlob(arg, cwd);
      if (!existsSync(base)) throw new NoPagesError([arg]);
      inputs.push({ kind: 'glob', arg, base, rest });
    } else throw new UsageError(`no such file or folder: ${arg}`);
  }
  if (o.root !== undefined && !(existsSync(path.resolve(cwd, o.root)) && statSync(path.resolve(cwd, o.root)).isDirectory())) throw new UsageError(`--root: no such folder: ${o.root}`);
  const changed = o.changedSince !== undefined ? changedFiles(cwd, o.changedSince) : undefined;
  const places = inputs.map((i) => (i.kind === 'glob' ? i.base : i.path));
  if (changed && !places.length) places.push(changed.top);
  const roots = o.root
    ? [path.resolve(cwd, o.root)]
    : [...new Set(places.map((p) => handbookRoot(p) ?? nearestFolder(existsSync(p) && statSync(p).isDirectory() ? p : path.dirname(p))))];
  return { inputs, changed, roots };
}

/** Paths or globs that select no job-family page: never a silent pass. */
export class NoPagesError extends Error {
  readonly args: readonly string[];
  constructor(args: readonly string[]) {
    super(`no job-family page matches ${args.map((a) => `"${a}"`).join(', ')}`);
    this.args = args;
  }
}

export interface Page {
  readonly path: string;
  /** Named on the command line (or standard input): checked whatever `files` says. */
  readonly named: boolean;
}

/** The pages to check, in path order. */
export async function selectPages(request: Request, filter: PageFilter, walkOptions: WalkOptions): Promise<Page[]> {
  const pages = new Map<string, Page>();
  const add = (p: string, named: boolean): void => {
    if (!pages.has(p) || named) pages.set(p, { path: p, named });
  };
  const unmatched: string[] = [];
  const { changed } = request;
  if (changed) {
    const within = request.inputs.filter((i) => i.kind !== 'stdin');
    const wanted = (f: string): boolean =>
      !within.length ||
      within.some((i) => (i.kind === 'glob' ? f.startsWith(i.base + path.sep) && globMatches(i.rest, path.relative(i.base, f)) : f === i.path || f.startsWith(i.path + path.sep)));
    const selected = changed.present.filter((f) => filter.isPage(f) && wanted(f));
    for (const f of selected) add(f, false);
    // A split family is checked as one: a changed (or deleted) level brings its _index.md and the other levels.
    const folders = new Set([...selected, ...changed.removed.filter((f) => filter.isPage(f) && wanted(f))].map((f) => path.dirname(f)));
    for (const folder of folders) {
      if (!existsSync(path.join(folder, '_index.md'))) continue;
      for (const name of readdirSync(folder).sort()) {
        const f = path.join(folder, name);
        if (statSync(f).isFile() && filter.isPage(f)) add(f, false);
      }
    }
  } else {
    for (const input of request.inputs) {
      if (input.kind === 'file') add(input.path, true);
      else if (input.kind === 'stdin') {
        if (filter.isPage(input.path)) add(input.path, true);
        else unmatched.push(`${path.relative(process.cwd(), input.path) || input.path} (--stdin-filename)`);
      } else {
        const found =
          input.kind === 'folder'
            ? await walk(input.path, walkOptions)
            : await walk(input.base, walkOptions, (f) => globMatches(input.rest, path.relative(input.base, f)));
        if (!found.length) unmatched.push(input.arg);
        for (const f of found) add(f, false);
      }
    }
  }
  if (unmatched.length) throw new NoPagesError(unmatched);
  return [...pages.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
