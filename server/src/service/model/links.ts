/** Classifies link destinations the way the handbook (Hugo) resolves them. */

export type LinkKind =
  /** `/handbook/...` */
  | 'handbook'
  /** `/job-families/...` */
  | 'job-family'
  /** another site-absolute path, e.g. `/company/...` or the legacy `/hiring/` */
  | 'site'
  /** `#anchor` on this page */
  | 'same-page'
  /** a Hugo `ref` / `relref` shortcode */
  | 'ref'
  /** `https://about.gitlab.com/handbook/...` or `https://handbook.gitlab.com/...`: use the relative form */
  | 'legacy'
  /** `../x`, `./x`, `handbook/x`, `content/handbook/x` */
  | 'relative'
  /** any other scheme or host */
  | 'external';

export interface ParsedTarget {
  readonly kind: LinkKind;
  /** The site path for internal kinds (`/handbook/hiring/`), the ref argument's path for `ref`. */
  readonly path: string;
  readonly anchor: string | undefined;
  /** Where the path and anchor sit inside the raw destination text. */
  readonly pathStart: number;
  readonly anchorStart: number | undefined;
  /** For `legacy`: the site path the URL should be written as. */
  readonly relative?: string;
  readonly shortcode?: string;
}

const LEGACY_HOST = /^https?:\/\/(?:www\.)?about\.gitlab\.com(\/(?:handbook|job-families)(?:\/[^?#\s]*)?)(?:\?[^#\s]*)?(#[^\s]*)?$/i;
const HANDBOOK_HOST = /^https?:\/\/handbook\.gitlab\.com(\/(?!docs\b)[^?#\s]*)?(?:\?[^#\s]*)?(#[^\s]*)?$/i;
const SHORTCODE = /^\{\{([<%])(?:\/\*)?\s*(ref|relref)\s+(?:"([^"]*)"|'([^']*)'|(\S+))\s*(?:\*\/)?[>%]\}\}$/;

export function parseTarget(raw: string): ParsedTarget {
  const target = raw.trim();
  const lead = raw.length - raw.trimStart().length;
  const sc = SHORTCODE.exec(target);
  if (sc) {
    const arg = sc[3] ?? sc[4] ?? sc[5] ?? '';
    const argStart = lead + target.indexOf(arg, target.indexOf(sc[2] ?? 'ref') + 3);
    return { ...split(arg, argStart), kind: 'ref', shortcode: sc[2] ?? 'ref' };
  }
  if (target.startsWith('#')) {
    return { kind: 'same-page', path: '', anchor: decode(target.slice(1)), pathStart: lead, anchorStart: lead + 1 };
  }
  const legacy = LEGACY_HOST.exec(target) ?? HANDBOOK_HOST.exec(target);
  if (legacy) {
    const path = legacy[1] || '/';
    const hash = legacy[2];
    const parsed = split(path + (hash ?? ''), lead);
    return { ...parsed, kind: 'legacy', relative: path + (hash ?? '') };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) {
    return { kind: 'external', path: target, anchor: undefined, pathStart: lead, anchorStart: undefined };
  }
  const parsed = split(target, lead);
  if (target.startsWith('/handbook/') || target === '/handbook') return { ...parsed, kind: 'handbook' };
  if (target.startsWith('/job-families/') || target === '/job-families') return { ...parsed, kind: 'job-family' };
  if (target.startsWith('/')) return { ...parsed, kind: 'site' };
  return { ...parsed, kind: 'relative' };
}

function split(target: string, start: number): Omit<ParsedTarget, 'kind'> {
  const hash = target.indexOf('#');
  const query = target.indexOf('?');
  const pathEnd = Math.min(...[hash, query, target.length].filter((n) => n >= 0));
  const path = decode(target.slice(0, pathEnd));
  if (hash < 0) return { path, anchor: undefined, pathStart: start, anchorStart: undefined };
  return { path, anchor: decode(target.slice(hash + 1)), pathStart: start, anchorStart: start + hash + 1 };
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `/handbook/a/b` and `/handbook/a/b/` name the same page; compare without the slash. */
export function normalizeSitePath(path: string): string {
  let p = path.trim();
  if (!p.startsWith('/')) p = '/' + p;
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p.toLowerCase();
}
