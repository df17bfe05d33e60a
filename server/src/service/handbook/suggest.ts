import { editDistance } from '../util/distance';

/**
 * "Did you mean" for a broken site path, without comparing it with every page of the
 * handbook: candidates are the pages that share a folder with it (its siblings and its
 * parent's), or its last segment, within a length window; only those get an edit distance.
 * Answers are remembered until the index changes (a new Suggester is made then).
 */
export class Suggester {
  readonly #byFolder = new Map<string, string[]>();
  readonly #byName = new Map<string, string[]>();
  readonly #memo = new Map<string, string | undefined>();

  constructor(paths: readonly string[]) {
    for (const p of paths) {
      const key = normal(p);
      push(this.#byFolder, folderOf(key), p);
      push(this.#byName, nameOf(key), p);
    }
  }

  suggest(path: string): string | undefined {
    const key = normal(path);
    if (this.#memo.has(key)) return this.#memo.get(key);
    const answer = this.#compute(key);
    if (this.#memo.size > 5000) this.#memo.clear();
    this.#memo.set(key, answer);
    return answer;
  }

  #compute(key: string): string | undefined {
    const candidates = new Set<string>();
    let folder = folderOf(key);
    // The page's own folder, then up to two folders above it: a typo is usually in the last segments.
    for (let up = 0; up < 3 && folder; up++) {
      for (const c of this.#byFolder.get(folder) ?? []) candidates.add(c);
      folder = folderOf(folder);
    }
    for (const c of this.#byName.get(nameOf(key)) ?? []) candidates.add(c);
    const budget = Math.max(2, Math.floor(key.length / 6));
    let best: string | undefined;
    let bestD = budget + 1;
    for (const c of candidates) {
      const ck = normal(c);
      if (Math.abs(ck.length - key.length) > bestD) continue;
      // Capped at the best distance so far, not below it: an equal one must be told from a worse one.
      const d = editDistance(key, ck, bestD);
      if (d < bestD || (d === bestD && best !== undefined && closer(c, best))) {
        best = c;
        bestD = d;
      }
    }
    return bestD <= budget ? best : undefined;
  }
}

/**
 * Between two paths as near as each other: the shorter, then the first in code-unit order,
 * so the answer never depends on the order the index holds its pages in.
 */
function closer(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

function normal(path: string): string {
  let p = path.trim().toLowerCase().replace(/\/{2,}/g, '/');
  if (!p.startsWith('/')) p = `/${p}`;
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

function folderOf(key: string): string {
  const at = key.lastIndexOf('/');
  return at > 0 ? key.slice(0, at) : '';
}

function nameOf(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
