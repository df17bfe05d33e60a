// Small statistics and formatting helpers shared by the benchmark cases.

/** The q-quantile (0..1) of a list of numbers, nearest rank. */
export function quantile(xs, q) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

export const median = (xs) => quantile(xs, 0.5);
export const max = (xs) => xs.reduce((a, b) => Math.max(a, b), -Infinity);

/** p50, p95 and max of a list of latencies. */
export function summary(xs) {
  return { n: xs.length, p50: quantile(xs, 0.5), p95: quantile(xs, 0.95), max: max(xs) };
}

export function ms(n) {
  if (!Number.isFinite(n)) return 'n/a';
  if (n < 1) return `${n.toFixed(3)} ms`;
  if (n < 10) return `${n.toFixed(2)} ms`;
  if (n < 100) return `${n.toFixed(1)} ms`;
  return `${Math.round(n).toLocaleString('en-US')} ms`;
}

export const mb = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} MB` : 'n/a');
export const ratio = (n) => (Number.isFinite(n) ? `${n < 0.1 ? n.toFixed(3) : n.toFixed(2)}x` : 'n/a');
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
export const count = (n) => n.toLocaleString('en-US');

/** Runs `fn` `runs` times (after `warmup` untimed calls) and returns every duration in ms. */
export async function timeRuns(fn, runs, warmup = 0) {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const out = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    out.push(performance.now() - t);
  }
  return out;
}

/** A Markdown table from a header row and data rows. `align` is a string of l/r per column. */
export function table(header, rows, align = '') {
  const sep = header.map((_, i) => (align[i] === 'r' ? '---:' : '---'));
  return [header, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** A fixed-width text table for the terminal. */
export function textTable(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
