/**
 * The cells of a table row (from `from` in `line`): their trimmed text and where it starts. Pipes
 * split cells unless escaped, in code spans too, as in GFM; a row has at most `limit` cells (the
 * header's count: goldmark drops the others). Empty cells have no inline content and are left out.
 */
export function tableCells(line: string, from: number, limit: number): { col: number; text: string }[] {
  const cells: { col: number; text: string }[] = [];
  let i = from;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  if (line.charCodeAt(i) === 124 /* | */) i++;
  let start = i;
  let count = 0;
  const push = (end: number): void => {
    count++;
    let a = start;
    let b = end;
    while (a < b && (line.charCodeAt(a) === 32 || line.charCodeAt(a) === 9)) a++;
    while (b > a && (line.charCodeAt(b - 1) === 32 || line.charCodeAt(b - 1) === 9)) b--;
    if (b > a) cells.push({ col: a, text: line.slice(a, b) });
  };
  for (; i < line.length && count < limit; i++) {
    const c = line.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 124) {
      push(i);
      start = i + 1;
    }
  }
  // Text after the last pipe is a cell of its own; a row ending in a pipe has none there.
  if (count < limit && start < line.length && line.slice(start).trim()) push(line.length);
  return cells;
}
