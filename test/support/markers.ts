/**
 * Fixture pages carry the findings they expect on the offending line, the markdownlint way:
 * `<!-- {JF014} -->` at the end of a Markdown line, `# {JF004}` at the end of a front-matter
 * line. The markers are removed before the page is checked, so they change nothing else.
 */
export interface MarkedPage {
  readonly text: string;
  /** `line:code` pairs (0-based lines). */
  readonly expected: readonly string[];
}

const MARKER = /[ \t]*(?:<!--\s*((?:\{JF\d{3}\}\s*)+)-->|#\s*((?:\{JF\d{3}\}\s*)+))[ \t]*$/;

export function readMarkers(source: string): MarkedPage {
  const expected: string[] = [];
  const lines = source.split('\n').map((line, n) => {
    const m = MARKER.exec(line);
    if (!m) return line;
    for (const code of (m[1] ?? m[2] ?? '').matchAll(/JF\d{3}/g)) expected.push(`${n}:${code[0]}`);
    return line.slice(0, m.index);
  });
  return { text: lines.join('\n'), expected: expected.sort() };
}
