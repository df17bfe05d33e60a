import type { JobFamilyModel } from './model/model';
import type { Rule } from './rules/types';

const DIRECTIVE = /<!--\s*jobfamily-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

interface Window {
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
  /** Rule codes; empty means every rule. */
  readonly rules: ReadonlySet<string>;
}

/**
 * Inline control comments:
 * `<!-- jobfamily-disable JF012 grade-link -->` … `<!-- jobfamily-enable JF012 -->`,
 * `<!-- jobfamily-disable-next-line JF020 -->`, `<!-- jobfamily-disable-line JF020 -->`.
 * With no codes they apply to every rule. A `disable` placed before any content (right after
 * the front matter) covers the front matter too.
 */
export class Suppressions {
  readonly #windows: Window[] = [];

  constructor(model: JobFamilyModel, rules: readonly Rule[]) {
    const codeOf = new Map<string, string>();
    for (const r of rules) {
      codeOf.set(r.meta.id.toLowerCase(), r.meta.id);
      codeOf.set(r.meta.alias.toLowerCase(), r.meta.id);
    }
    const open = new Map<string, number>();
    const firstContent = firstContentLine(model);
    const end = model.lines.lineCount;
    for (const c of model.comments) {
      for (const m of c.text.matchAll(DIRECTIVE)) {
        const kind = m[1];
        const codes = new Set(
          (m[2] ?? '')
            .split(/[\s,]+/)
            .map((s) => codeOf.get(s.toLowerCase()))
            .filter((s): s is string => s !== undefined),
        );
        const key = [...codes].sort().join(',') || '*';
        if (kind === 'disable-next-line') this.#windows.push({ from: c.line + 1, to: c.line + 2, rules: codes });
        else if (kind === 'disable-line') this.#windows.push({ from: c.line, to: c.line + 1, rules: codes });
        else if (kind === 'disable') open.set(key, c.line <= firstContent ? 0 : c.line);
        else {
          const from = open.get(key);
          if (from !== undefined) {
            this.#windows.push({ from, to: c.line + 1, rules: codes });
            open.delete(key);
          } else if (key === '*') {
            // `enable` with no codes closes every open window.
            for (const [k, f] of open) this.#windows.push({ from: f, to: c.line + 1, rules: new Set(k === '*' ? [] : k.split(',')) });
            open.clear();
          }
        }
      }
    }
    for (const [k, from] of open) this.#windows.push({ from, to: end, rules: new Set(k === '*' ? [] : k.split(',')) });
  }

  isSuppressed(ruleId: string, line: number): boolean {
    return this.#windows.some((w) => line >= w.from && line < w.to && (w.rules.size === 0 || w.rules.has(ruleId)));
  }

  get isEmpty(): boolean {
    return this.#windows.length === 0;
  }
}

function firstContentLine(model: JobFamilyModel): number {
  for (let n = model.bodyStartLine; n < model.lines.lineCount; n++) {
    const t = model.lines.line(n).trim();
    if (t && !t.startsWith('<!--')) return n;
  }
  return model.lines.lineCount;
}
