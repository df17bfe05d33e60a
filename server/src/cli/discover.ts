import { existsSync, promises as fs, statSync } from 'node:fs';
import * as path from 'node:path';
import { matchesGlobs } from '../service';
import { GitIgnores, gitTop } from './gitignore';

/** The nearest folder at or above `p` that holds a handbook (`content/handbook` or `content/job-families`). */
export function handbookRoot(p: string): string | undefined {
  let dir = nearestFolder(p);
  for (;;) {
    if (existsSync(path.join(dir, 'content', 'handbook')) || existsSync(path.join(dir, 'content', 'job-families'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** `p` when it is a folder, else the nearest existing folder above it (a --stdin-filename need not exist). */
export function nearestFolder(p: string): string {
  let dir = p;
  for (;;) {
    try {
      if (statSync(dir).isDirectory()) return dir;
    } catch {
      // not there (yet): look further up
    }
    const up = path.dirname(dir);
    if (up === dir) return dir;
    dir = up;
  }
}

export function toSlash(p: string): string {
  return p.split(path.sep).join('/');
}

/**
 * Files that are images, documents or data, never pages: a job-families folder may hold
 * them, and a walk must not report them as pages without `.md`.
 */
const ASSET = /\.(?:png|jpe?g|gif|svg|webp|avif|ico|bmp|tiff?|pdf|docx?|xlsx?|pptx?|csv|zip|gz|tgz|mp4|mov|webm|mp3|woff2?|ttf|otf|ya?ml|json|toml|js|css|html?|txt|sh|keep)$/i;

/**
 * Decides which files of a walk are job-family pages: those matching `files`, and files
 * without the `.md` extension that would match with it (`field-cto.mb`, a name with no
 * extension). Hugo does not publish the latter, which is exactly what JF009 reports.
 */
export class PageFilter {
  readonly #roots: readonly string[];
  readonly #files: readonly string[];

  constructor(roots: readonly string[], files: readonly string[]) {
    this.#roots = roots;
    this.#files = files;
  }

  isPage(file: string): boolean {
    if (this.#matches(file)) return true;
    if (file.endsWith('.md') || ASSET.test(file)) return false;
    return this.#matches(`${file}.md`);
  }

  #matches(file: string): boolean {
    const root = this.#roots.find((r) => file.startsWith(r + path.sep));
    if (root && matchesGlobs(toSlash(path.relative(root, file)), this.#files)) return true;
    return matchesGlobs(toSlash(file), this.#files);
  }
}

export interface WalkOptions {
  readonly filter: PageFilter;
  /** The workspace roots: outside a git repository, .gitignore files are read from the root down. */
  readonly roots: readonly string[];
  /** Real paths of the workspace roots: a symbolic link is followed only when it stays inside one. */
  readonly realRoots: readonly string[];
  readonly warn: (message: string) => void;
}

/** Every page under `dir`, leaving out dot-files, node_modules and what .gitignore ignores. */
export async function walk(dir: string, options: WalkOptions, accept: (file: string) => boolean = () => true): Promise<string[]> {
  const ignores = new GitIgnores(gitTop(dir) ?? options.roots.find((r) => dir === r || dir.startsWith(r + path.sep)) ?? dir);
  const out: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    const entries = await fs.readdir(folder, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(folder, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        // Walks never descend into linked folders, and take a linked file only when it stays in the workspace.
        const real = await fs.realpath(p).catch(() => undefined);
        const stat = real ? await fs.stat(real).catch(() => undefined) : undefined;
        if (!real || !stat?.isFile()) continue;
        if (!insideAny(real, options.realRoots)) {
          if (options.filter.isPage(p)) options.warn(`${p}: a symbolic link out of the workspace; not checked (name it on the command line to check it)`);
          continue;
        }
        isDir = false;
        isFile = true;
      }
      if (ignores.ignored(p, isDir)) continue;
      if (isDir) await visit(p);
      else if (isFile && options.filter.isPage(p) && accept(p)) out.push(p);
    }
  };
  await visit(dir);
  return out;
}

export function insideAny(real: string, realRoots: readonly string[]): boolean {
  return realRoots.some((r) => real === r || real.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

const GLOB_CHARS = /[*?[\]{}]/;

export function isGlob(arg: string): boolean {
  return GLOB_CHARS.test(arg);
}

/**
 * The folder a glob's matches lie under (its segments before the first with a wildcard)
 * and the rest of the pattern, matched against paths relative to that folder.
 */
export function splitGlob(pattern: string, cwd: string): { base: string; rest: string } {
  const parts = pattern.split(/[\\/]/);
  const firstWild = parts.findIndex((p) => GLOB_CHARS.test(p));
  const fixed = parts.slice(0, firstWild);
  const base = path.resolve(cwd, fixed.join('/') || '.');
  return { base, rest: parts.slice(firstWild).join('/') };
}

/**
 * Whether `rel` matches the glob `rest` as a whole. The service's matcher lets a pattern
 * match a path's tail (settings are written that way); a leading segment that no path
 * has pins the match to the start, so `*.md` means the top folder only, as in a shell.
 */
export function globMatches(rest: string, rel: string): boolean {
  const pin = '\u0001';
  return matchesGlobs(`${pin}/${toSlash(rel)}`, [`${pin}/${rest}`]);
}
