/** The one line an edit changed: its number and its text before and after. */
export interface EditedLine {
  readonly line: number;
  readonly before: string;
  readonly after: string;
}

/** Compared a slice at a time first: one native comparison instead of a loop over its characters. */
const CHUNK = 512;

/**
 * The line two texts differ in, when they differ inside one line only (a keystroke, a word
 * pasted); undefined when they are the same, or differ in line breaks or in several lines.
 */
export function editedLine(before: string, after: string): EditedLine | undefined {
  const min = Math.min(before.length, after.length);
  let start = 0;
  while (start + CHUNK <= min && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < min && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  if (start === before.length && start === after.length) return undefined;
  const room = min - start;
  let kept = 0;
  while (kept + CHUNK <= room && before.slice(before.length - kept - CHUNK, before.length - kept) === after.slice(after.length - kept - CHUNK, after.length - kept)) kept += CHUNK;
  while (kept < room && before.charCodeAt(before.length - 1 - kept) === after.charCodeAt(after.length - 1 - kept)) kept++;
  const beforeEnd = before.length - kept;
  const afterEnd = after.length - kept;
  if (hasBreak(before, start, beforeEnd) || hasBreak(after, start, afterEnd)) return undefined;
  // Text typed right after a \r can come between it and a \n: the line breaks change.
  if (start > 0 && before.charCodeAt(start - 1) === 13) return undefined;
  const lineStart = start === 0 ? 0 : Math.max(before.lastIndexOf('\n', start - 1), before.lastIndexOf('\r', start - 1)) + 1;
  return { line: breaksBefore(before, lineStart), before: before.slice(lineStart, lineEnd(before, beforeEnd)), after: after.slice(lineStart, lineEnd(after, afterEnd)) };
}

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function lineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (lf < 0) return cr < 0 ? text.length : cr;
  return cr < 0 ? lf : Math.min(lf, cr);
}

/** Line breaks (\r\n, \r, \n) before `end`: the number of the line starting there. */
function breaksBefore(text: string, end: number): number {
  let n = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) n++;
  // A \r not followed by \n ends a line of its own.
  for (let at = text.indexOf('\r'); at >= 0 && at < end; at = text.indexOf('\r', at + 1)) if (text.charCodeAt(at + 1) !== 10) n++;
  return n;
}
