/** One line of a line diff; `text` keeps its line break, so CRLF and a missing final newline show. */
export interface DiffLine {
  readonly kind: 'equal' | 'delete' | 'insert';
  readonly text: string;
  /** 0-based line in the old text (equal, delete) or the new text (insert). */
  readonly oldLine: number;
  readonly newLine: number;
}

/** Lines with their line breaks (`\n`, `\r\n` or a lone `\r`). */
export function splitLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/g) ?? [];
}

/** Above this many cells the middle of two texts is shown as replaced whole rather than aligned. */
const MAX_CELLS = 16_000_000;

/**
 * A line diff: the common head and tail are taken off, and the middle is aligned by a
 * longest common subsequence (fixes change a few lines of a page of a few hundred).
 */
export function diffLines(oldText: string, newText: string): DiffLine[] {
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const out: DiffLine[] = [];
  for (let i = 0; i < head; i++) out.push({ kind: 'equal', text: a[i]!, oldLine: i, newLine: i });
  const am = a.slice(head, a.length - tail);
  const bm = b.slice(head, b.length - tail);
  const n = am.length;
  const m = bm.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (let i = 0; i < n; i++) out.push({ kind: 'delete', text: am[i]!, oldLine: head + i, newLine: head });
    for (let j = 0; j < m; j++) out.push({ kind: 'insert', text: bm[j]!, oldLine: head + n, newLine: head + j });
  } else {
    // lcs[i*(m+1)+j]: length of the longest common subsequence of am[i..] and bm[j..].
    const w = m + 1;
    const lcs = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lcs[i * w + j] = am[i] === bm[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && am[i] === bm[j]) {
        out.push({ kind: 'equal', text: am[i]!, oldLine: head + i, newLine: head + j });
        i++;
        j++;
      } else if (i < n && (j === m || lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!)) {
        // Deletions before insertions, as git prints a changed line.
        out.push({ kind: 'delete', text: am[i]!, oldLine: head + i, newLine: head + j });
        i++;
      } else {
        out.push({ kind: 'insert', text: bm[j]!, oldLine: head + i, newLine: head + j });
        j++;
      }
    }
  }
  for (let k = 0; k < tail; k++) out.push({ kind: 'equal', text: a[a.length - tail + k]!, oldLine: a.length - tail + k, newLine: b.length - tail + k });
  return out;
}

/**
 * A unified diff as `git diff` prints it (`--- a/path`, `+++ b/path`, hunks with three
 * lines of context), so `git apply` or `patch -p1` can apply it.
 */
export function unifiedDiff(file: string, oldText: string, newText: string, context = 3): string {
  const lines = diffLines(oldText, newText);
  const changed = lines.map((l, i) => (l.kind === 'equal' ? -1 : i)).filter((i) => i >= 0);
  if (!changed.length) return '';
  const out: string[] = [`--- a/${file}\n`, `+++ b/${file}\n`];
  let k = 0;
  while (k < changed.length) {
    const start = Math.max(0, changed[k]! - context);
    let end = Math.min(lines.length, changed[k]! + context + 1);
    while (k + 1 < changed.length && changed[k + 1]! - context <= end) end = Math.min(lines.length, changed[++k]! + context + 1);
    k++;
    const hunk = lines.slice(start, end);
    const oldCount = hunk.filter((l) => l.kind !== 'insert').length;
    const newCount = hunk.filter((l) => l.kind !== 'delete').length;
    const first = lines[start]!;
    const oldStart = oldCount ? first.oldLine + 1 : first.oldLine;
    const newStart = newCount ? first.newLine + 1 : first.newLine;
    out.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@\n`);
    for (const l of hunk) {
      const mark = l.kind === 'equal' ? ' ' : l.kind === 'delete' ? '-' : '+';
      out.push(mark + l.text);
      if (!/[\r\n]$/.test(l.text)) out.push('\n\\ No newline at end of file\n');
    }
  }
  return out.join('');
}
