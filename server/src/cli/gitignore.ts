import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/**
 * What git would ignore under `top` (the repository's top folder, or the handbook root
 * outside a repository): every `.gitignore` from `top` down to the file's folder, each
 * relative to its own folder, and `.git/info/exclude`.
 */
export class GitIgnores {
  readonly #top: string;
  readonly #byFolder = new Map<string, Ignore | undefined>();

  constructor(top: string) {
    this.#top = top;
    const exclude = path.join(top, '.git', 'info', 'exclude');
    const rules = existsSync(exclude) ? readFileSync(exclude, 'utf8') : '';
    // The exclude file applies like a .gitignore at the top, before the top's own .gitignore.
    this.#exclude = rules.trim() ? ignore().add(rules) : undefined;
  }

  readonly #exclude: Ignore | undefined;

  /** True when `file` (absolute; a folder when `isDir`) is ignored. Paths outside `top` never are. */
  ignored(file: string, isDir: boolean): boolean {
    const rel = path.relative(this.#top, file);
    if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const slash = (p: string): string => p.split(path.sep).join('/') + (isDir ? '/' : '');
    if (this.#exclude?.ignores(slash(rel))) return true;
    const parts = rel.split(path.sep);
    let folder = this.#top;
    for (let i = 0; i < parts.length; i++) {
      const rules = this.#rules(folder);
      if (rules?.ignores(slash(parts.slice(i).join(path.sep)))) return true;
      folder = path.join(folder, parts[i]!);
    }
    return false;
  }

  #rules(folder: string): Ignore | undefined {
    if (this.#byFolder.has(folder)) return this.#byFolder.get(folder);
    const file = path.join(folder, '.gitignore');
    let rules: Ignore | undefined;
    try {
      const text = readFileSync(file, 'utf8');
      if (text.trim()) rules = ignore().add(text);
    } catch {
      rules = undefined;
    }
    this.#byFolder.set(folder, rules);
    return rules;
  }
}

/** The nearest folder at or above `dir` that holds `.git`, or undefined. */
export function gitTop(dir: string): string | undefined {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, '.git'))) return d;
    if (path.dirname(d) === d) return undefined;
  }
}
