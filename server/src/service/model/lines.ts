import type { Position, Range } from 'vscode-languageserver-types';

/** Splits text into lines the way LSP counts them (\r\n, \r and \n all end a line). */
export class LineIndex {
  readonly lines: readonly string[];
  readonly starts: readonly number[];
  readonly text: string;
  /** The line break the document uses most, for inserted text: \r\n, \n or a lone \r. */
  readonly eol: string;

  constructor(text: string) {
    this.text = text;
    const lines: string[] = [];
    const starts: number[] = [];
    let last = 0;
    let crlf = 0;
    let cr = 0;
    if (!text.includes('\r')) {
      // Most pages: only \n, found without a pattern.
      for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', last)) {
        starts.push(last);
        lines.push(text.slice(last, at));
        last = at + 1;
      }
    } else {
      const re = /\r\n|\r|\n/g;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        starts.push(last);
        lines.push(text.slice(last, m.index));
        const length = m[0].length;
        if (length === 2) crlf++;
        else if (text.charCodeAt(m.index) === 13) cr++;
        last = m.index + length;
      }
    }
    starts.push(last);
    lines.push(text.slice(last));
    this.lines = lines;
    this.starts = starts;
    // Counted while splitting: asking for it later costs nothing.
    const lf = lines.length - 1 - crlf - cr;
    this.eol = crlf > lf && crlf >= cr ? '\r\n' : cr > lf ? '\r' : '\n';
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
