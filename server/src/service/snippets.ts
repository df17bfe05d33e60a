import snippetSource from '../../../snippets/job-family.json';
import type { SectionKind } from './model/sections';

export interface Snippet {
  readonly name: string;
  readonly prefix: readonly string[];
  readonly description: string;
  /** VS Code snippet syntax, one string per line. */
  readonly body: readonly string[];
  /** For section snippets: the section they write. */
  readonly section?: SectionKind;
}

/** The snippets of `snippets/job-family.json`, the one source for snippets and inserted sections. */
export const SNIPPETS: readonly Snippet[] = Object.entries(snippetSource as Record<string, Omit<Snippet, 'name'>>).map(([name, s]) => ({
  name,
  ...s,
  prefix: Array.isArray(s.prefix) ? s.prefix : [s.prefix as unknown as string],
}));

export function snippetNamed(name: string): Snippet {
  const s = SNIPPETS.find((x) => x.name === name);
  if (!s) throw new Error(`No snippet named ${name}`);
  return s;
}

export function sectionSnippet(kind: SectionKind): Snippet | undefined {
  return SNIPPETS.find((s) => s.section === kind);
}

/**
 * Expands snippet syntax to the text a user gets by pressing Tab through every stop:
 * placeholders keep their default text, mirrors repeat it, `$0` disappears.
 */
export function expandSnippet(body: readonly string[], values: Readonly<Record<number, string>> = {}): string[] {
  const text = body.join('\n');
  const defaults = new Map<number, string>();
  const parse = (s: string, start: number, until?: string): [string, number] => {
    let out = '';
    let i = start;
    while (i < s.length) {
      const c = s[i]!;
      if (until && c === until) return [out, i];
      if (c === '\\' && i + 1 < s.length) {
        out += s[i + 1];
        i += 2;
        continue;
      }
      if (c === '$') {
        const simple = /^\$(\d+)/.exec(s.slice(i));
        if (simple) {
          const n = Number(simple[1]);
          out += `\u0000${n}\u0000`;
          i += simple[0].length;
          continue;
        }
        const open = /^\$\{(\d+)([:|])/.exec(s.slice(i));
        if (open) {
          const n = Number(open[1]);
          if (open[2] === '|') {
            const close = s.indexOf('|}', i);
            const first = s.slice(i + open[0].length, close).split(',')[0] ?? '';
            if (!defaults.has(n)) defaults.set(n, values[n] ?? first);
            out += `\u0000${n}\u0000`;
            i = close + 2;
            continue;
          }
          const [inner, end] = parse(s, i + open[0].length, '}');
          if (!defaults.has(n)) defaults.set(n, values[n] ?? inner);
          out += `\u0000${n}\u0000`;
          i = end + 1;
          continue;
        }
      }
      out += c;
      i++;
    }
    return [out, i];
  };
  const [raw] = parse(text, 0);
  const expanded = raw.replace(/\u0000(\d+)\u0000/g, (_, n: string) => (Number(n) === 0 ? '' : (values[Number(n)] ?? defaults.get(Number(n)) ?? '')));
  const lines = expanded.split('\n');
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

const escapeSnippetText = (value: string): string => value.replace(/[$}\\]/g, (c) => `\\${c}`);
/** `${n:…}` with escaped `\}` inside the default text. */
const placeholderRe = (stop: number): RegExp => new RegExp(`\\$\\{${stop}:(?:[^}\\\\]|\\\\.)*\\}`, 'g');

/** Sets the default of a numbered placeholder (e.g. the grade of the level snippet). */
export function withPlaceholderDefault(body: readonly string[], stop: number, value: string): string[] {
  const replacement = `\${${stop}:${escapeSnippetText(value)}}`;
  return body.map((l) => l.replace(placeholderRe(stop), () => replacement));
}

/** Replaces a placeholder and its mirrors by fixed text (e.g. the title the user already gave). */
export function fillPlaceholder(body: readonly string[], stop: number, value: string): string[] {
  const text = escapeSnippetText(value);
  return body.map((l) => l.replace(placeholderRe(stop), () => text).replace(new RegExp(`\\$${stop}(?!\\d)`, 'g'), () => text));
}

/** Changes the heading level of a snippet's lines (`##` sections become `###` inside a role). */
export function shiftHeadings(lines: readonly string[], by: number): string[] {
  if (!by) return [...lines];
  return lines.map((l) => {
    const m = /^(#{1,6})(\s)/.exec(l);
    if (!m) return l;
    const depth = Math.min(6, Math.max(1, m[1]!.length + by));
    return '#'.repeat(depth) + l.slice(m[1]!.length);
  });
}
