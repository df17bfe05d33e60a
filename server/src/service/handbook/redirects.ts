/**
 * The site's redirects, as GitLab Pages serves them from the `_redirects` file that Hugo
 * writes from `layouts/index.redirects`: front-matter aliases first, then one rule per
 * handbook section (`/<section>/*` → `/handbook/<section>/:splat`), then the rules written
 * in the template. The first rule that matches wins; a path that is a page is served as the
 * page whatever the rules say (files take priority over redirects).
 */

export interface RedirectRule {
  /** `/from/*` or `/from/:name/`: the pattern as written. */
  readonly from: string;
  /** The target: a site path or an absolute URL, with `:splat` and placeholders. */
  readonly to: string;
  readonly status: number;
  /** Where the rule comes from, for messages: a page's alias, a section rule, the template's line. */
  readonly origin: string;
}

export interface RedirectMatch {
  readonly rule: RedirectRule;
  /** The target with `:splat` and placeholders filled in. */
  readonly target: string;
}

/** GitLab Pages statuses that send the visitor on (301, 302) or serve the target's content (200). */
const WORKING = new Set([200, 301, 302]);

/**
 * The literal rules of `layouts/index.redirects`: lines outside the template's `{{ … }}`
 * actions that are `from to [status]`; comments and blank lines are skipped.
 */
export function parseRedirectTemplate(text: string, source: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let inAction = false;
  lines.forEach((raw, n) => {
    let line = raw;
    // Drop template actions; a line that is (or ends inside) an action is not a rule.
    if (inAction) {
      const close = line.indexOf('}}');
      if (close < 0) return;
      line = line.slice(close + 2);
      inAction = false;
    }
    for (;;) {
      const open = line.indexOf('{{');
      if (open < 0) break;
      const close = line.indexOf('}}', open + 2);
      if (close < 0) {
        line = line.slice(0, open);
        inAction = true;
        break;
      }
      line = line.slice(0, open) + line.slice(close + 2);
    }
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const parts = t.split(/\s+/);
    if (parts.length < 2 || parts.length > 3 || !parts[0]!.startsWith('/')) return;
    const status = parts[2] ? Number(parts[2].replace(/!$/, '')) : 301;
    if (!Number.isInteger(status)) return;
    rules.push({ from: parts[0]!, to: parts[1]!, status, origin: `${source}:${n + 1}` });
  });
  return rules;
}

/** Compares paths the way the site does: without a trailing slash, `//` collapsed. */
function trimmed(path: string): string {
  const p = path.replace(/\/{2,}/g, '/');
  return p.length > 1 && p.endsWith('/') ? p.slice(0, -1) : p;
}

interface CompiledRule {
  readonly rule: RedirectRule;
  readonly literal: string | undefined;
  readonly pattern: RegExp | undefined;
  readonly names: readonly string[];
}

function compile(rule: RedirectRule): CompiledRule {
  const from = trimmed(rule.from);
  if (!from.includes('*') && !from.includes('/:')) return { rule, literal: from.toLowerCase(), pattern: undefined, names: [] };
  const names: string[] = [];
  let re = '';
  for (let i = 0; i < from.length; i++) {
    const c = from[i]!;
    if (c === '*') {
      names.push('splat');
      re += '(.*)';
    } else if (c === ':' && from[i - 1] === '/') {
      const m = /^:([A-Za-z_]\w*)/.exec(from.slice(i));
      if (m) {
        names.push(m[1]!);
        re += '([^/]+)';
        i += m[0].length - 1;
      } else re += ':';
    } else re += c.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  }
  // `/news/*` also matches `/news` itself: the splat may be empty and the slash with it.
  re = re.replace(/\/\(\.\*\)$/, '(?:/(.*))?');
  return { rule, literal: undefined, pattern: new RegExp(`^${re}/?$`, 'i'), names };
}

/** The rules in the order GitLab Pages tries them. */
export class Redirects {
  readonly #rules: CompiledRule[];
  /** Literal rules by path: the first one written wins. */
  readonly #literal = new Map<string, number>();

  constructor(rules: readonly RedirectRule[]) {
    this.#rules = rules.map(compile);
    this.#rules.forEach((r, i) => {
      if (r.literal !== undefined && !this.#literal.has(r.literal)) this.#literal.set(r.literal, i);
    });
  }

  get size(): number {
    return this.#rules.length;
  }

  /** The first working rule that matches the path, with its target filled in. */
  match(path: string): RedirectMatch | undefined {
    const raw = path.split('#')[0]!.split('?')[0]!.replace(/\/{2,}/g, '/');
    const literalAt = this.#literal.get(trimmed(raw).toLowerCase()) ?? Infinity;
    for (let i = 0; i < this.#rules.length && i < literalAt; i++) {
      const r = this.#rules[i]!;
      if (!r.pattern) continue;
      // The splat keeps the request's trailing slash, as GitLab Pages passes it on.
      const m = r.pattern.exec(raw);
      if (!m) continue;
      if (!WORKING.has(r.rule.status)) return undefined;
      let target = r.rule.to;
      r.names.forEach((name, k) => {
        target = target.split(`:${name}`).join(m[k + 1] ?? '');
      });
      return { rule: r.rule, target: target.replace(/([^:]\/)\/+/g, '$1') };
    }
    if (literalAt === Infinity) return undefined;
    const rule = this.#rules[literalAt]!.rule;
    return WORKING.has(rule.status) ? { rule, target: rule.to } : undefined;
  }
}
