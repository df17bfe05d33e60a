import type { JobFamilyModel } from './model';

/** Word sets for comparing role names ("Manager, Red Team" = "Red Team Manager"). */

const STOP = new Set(['the', 'of', 'a', 'an', 'and', 'for', 'to', 'in', 'on', 'at', 'with', '&']);
const SYNONYMS: Record<string, string> = { sr: 'senior', jr: 'junior', mgr: 'manager', 'vice-president': 'vp' };
export const LEVEL_WORDS = new Set([
  'intern', 'junior', 'associate', 'senior', 'staff', 'principal', 'distinguished', 'fellow',
  'manager', 'director', 'vp', 'head', 'chief', 'lead', 'executive', 'evp', 'svp', 'group',
]);

/**
 * Lower-case content words in order, singular; "(Intermediate)" and "Intermediate" are
 * left out: the intermediate level has no prefix.
 */
export function wordList(title: string): string[] {
  const t = title.toLowerCase().replace(/vice[\s-]+president/g, 'vp').replace(/&amp;/g, '&');
  const out: string[] = [];
  for (const raw of t.split(/[^a-z0-9&+]+/)) {
    const w = raw.replace(/&/g, '');
    if (!w || STOP.has(raw) || w === 'intermediate') continue;
    const base = SYNONYMS[w] ?? w;
    out.push(base.length > 3 && base.endsWith('s') && !base.endsWith('ss') ? base.slice(0, -1) : base);
  }
  return out;
}

export function words(title: string): Set<string> {
  return new Set(wordList(title));
}

/** Replaces an acronym of `a` ("AE", "FPA") by the words of `b` it abbreviates ("account executive"). */
function expandAcronyms(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of a) {
    if (w.length >= 2 && w.length <= 5 && !b.includes(w)) {
      let hit: string[] | undefined;
      for (let i = 0; i + w.length <= b.length && !hit; i++) {
        const run = b.slice(i, i + w.length);
        if (run.map((x) => x[0]).join('') === w) hit = run;
      }
      if (hit) {
        out.push(...hit);
        continue;
      }
    }
    out.push(w);
  }
  return out;
}

export function levelWordsOf(set: ReadonlySet<string>): Set<string> {
  return new Set([...set].filter((w) => LEVEL_WORDS.has(w)));
}

export function otherWordsOf(set: ReadonlySet<string>): Set<string> {
  return new Set([...set].filter((w) => !LEVEL_WORDS.has(w)));
}

export function subset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const w of a) if (!b.has(w)) return false;
  return true;
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && subset(a, b);
}

/**
 * Two names of one role: the same level words (Senior, Manager, …) and one's other words
 * contained in the other's ("Manager, Red Team" = "Red Team Manager"; "Director, Tax" =
 * "Director, Global Tax Accounting").
 */
export function namesMatch(a: string, b: string): boolean {
  const variants = (s: string): string[] => {
    const bare = s.replace(/\s*\([^)]*\)/g, '').trim();
    const inner = [...s.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.trim());
    return [s, ...(bare && bare !== s ? [bare] : []), ...inner.filter(Boolean)];
  };
  return variants(a).some((x) => variants(b).some((y) => sameRole(x, y)));
}

function sameRole(a: string, b: string): boolean {
  const la = wordList(a);
  const lb = wordList(b);
  const wa = new Set(expandAcronyms(la, lb));
  const wb = new Set(expandAcronyms(lb, la));
  if (!wa.size || !wb.size) return false;
  if (!sameSet(levelWordsOf(wa), levelWordsOf(wb))) return false;
  const oa = otherWordsOf(wa);
  const ob = otherWordsOf(wb);
  return subset(oa, ob) || subset(ob, oa);
}

/** The words of `a` missing from `b`, each paired with a close spelling in `b` when there is one. */
export function spellingOnlyDifference(a: string, b: string, distance: (x: string, y: string) => number): boolean {
  const wa = words(a);
  const wb = words(b);
  const missing = [...wa].filter((w) => !wb.has(w));
  const extra = [...wb].filter((w) => !wa.has(w));
  return missing.length > 0 && missing.length === extra.length && missing.every((w) => extra.some((x) => distance(w, x) <= 2));
}

/** The family's role name from its title: "Backend Engineer" for "Backend Engineer" or "Backend Engineer Roles". */
export function roleName(model: JobFamilyModel): string {
  const title = (model.title ?? '').replace(/\{add[^}]*\}?/gi, '').trim();
  return title.replace(/\s+(?:roles?|job family)$/i, '') || 'Role';
}
