/**
 * Past this length a string is not a misspelling of anything a page can name (headings,
 * paths and anchors are far shorter); comparing it would only cost time.
 */
export const MAX_COMPARED_LENGTH = 256;

/**
 * Optimal string alignment distance (Levenshtein plus adjacent swaps), case-insensitive.
 * Returns `max + 1` as soon as the distance must exceed `max`. Only the band of cells
 * within `max` of the diagonal is computed, in three rows: time O(length × max), memory
 * O(length).
 */
export function editDistance(a: string, b: string, max = MAX_COMPARED_LENGTH): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const over = max + 1;
  if (Math.abs(s.length - t.length) > max) return over;
  if (s.length > MAX_COMPARED_LENGTH || t.length > MAX_COMPARED_LENGTH) return s === t ? 0 : over;
  if (s === t) return 0;
  const n = t.length;
  const big = n + s.length + 1;
  let prev2 = new Array<number>(n + 1).fill(big);
  let prev = new Array<number>(n + 1);
  let row = new Array<number>(n + 1).fill(big);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(n, i + max);
    row.fill(big);
    row[0] = i;
    let best = i <= max ? i : big;
    const si = s.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const tj = t.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (si === tj ? 0 : 1));
      if (i > 1 && j > 1 && si === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === tj) v = Math.min(v, prev2[j - 2]! + 1);
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return over;
    [prev2, prev, row] = [prev, row, prev2];
  }
  const d = prev[n]!;
  return d > max ? over : d;
}

/** The candidate closest to `word` within `max` edits, or undefined. Ties keep the first. */
export function closest<T>(word: string, candidates: Iterable<T>, key: (c: T) => string, max: number): T | undefined {
  if (word.length > MAX_COMPARED_LENGTH) return undefined;
  let best: T | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const k = key(c);
    if (Math.abs(k.length - word.length) >= bestDistance) continue;
    const d = editDistance(word, k, bestDistance - 1);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return bestDistance <= max ? best : undefined;
}

/** How many edits a word of this length may carry and still be a misspelling of it. */
export function typoBudget(length: number): number {
  return length >= 9 ? 2 : length >= 5 ? 1 : 0;
}
