import type { Position, Range } from 'vscode-languageserver-types';

/** Splits text into lines the way LSP counts them (\r\n, \r and \n all end a line). */
export class LineIndex {
  readonly lines: readonly string[];
  readonly starts: readonly number[];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    const lines: string[] = [];
    const starts: number[] = [];
    const re = /\r\n|\r|\n/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      starts.push(last);
      lines.push(text.slice(last, m.index));
      last = m.index + m[0].length;
    }
    starts.push(last);
    lines.push(text.slice(last));
    this.lines = lines;
    this.starts = starts;
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(n: number): string {
    return this.lines[n] ?? '';
  }

  offsetAt(pos: Position): number {
    const start = this.starts[pos.line];
    if (start === undefined) return this.text.length;
    return start + Math.min(pos.character, this.line(pos.line).length);
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(offset - (this.starts[lo] ?? 0), this.line(lo).length) };
  }

  /** The range of a whole line, without its line break. */
  lineRange(n: number): Range {
    return range(n, 0, n, this.line(n).length);
  }

  /** From the start of line `from` to the start of line `to` (a deletable block of whole lines). */
  linesBlock(from: number, to: number): Range {
    if (to < this.lineCount) return range(from, 0, to, 0);
    const last = this.lineCount - 1;
    // Deleting the last lines: take the break before them instead.
    if (from > 0) return range(from - 1, this.line(from - 1).length, last, this.line(last).length);
    return range(0, 0, last, this.line(last).length);
  }

  /** The line break the document uses most, for inserted text: \r\n, \n or a lone \r. */
  get eol(): string {
    if (this.#eol === undefined) {
      let crlf = 0;
      let lf = 0;
      let cr = 0;
      for (let i = 0; i < this.text.length; i++) {
        const c = this.text.charCodeAt(i);
        if (c === 13) {
          if (this.text.charCodeAt(i + 1) === 10) {
            crlf++;
            i++;
          } else cr++;
        } else if (c === 10) lf++;
      }
      this.#eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
    }
    return this.#eol;
  }

  #eol: string | undefined;
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
