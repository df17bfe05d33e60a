import { parse as parseYaml } from 'yaml';
import policy from '../data/misused-terms-policy.json';

/** One term of the handbook's misused-terms list, with what to use instead. */
export interface MisusedTerm {
  readonly term: string;
  readonly useInstead: readonly string[];
  readonly severity: 'warning' | 'info';
  /** Wrong only when it describes people: reported where a word for people follows it. */
  readonly ofPeople?: boolean;
}

const LEVEL = new Map<string, 'warning' | 'info' | 'context' | 'person'>();
for (const t of policy.warning) LEVEL.set(t.toLowerCase(), 'warning');
for (const t of policy.info) LEVEL.set(t.toLowerCase(), 'info');
for (const t of policy.context) LEVEL.set(t.toLowerCase(), 'context');
for (const t of policy.person) LEVEL.set(t.toLowerCase(), 'person');

/** A term written as words, not a description of when a word is wrong. */
const LITERAL = /^[\p{L}\p{N}][\p{L}\p{N}' .-]*$/u;
const DESCRIPTIVE = /\b(?:to reference|as an abbreviation|when referring|unless|mentioned in)\b/i;
/** The list stays small (dozens of entries); past this it is not the handbook's list. */
const MAX_TERMS = 2000;

/** Reads `data/misused_terms.yml`: a list of `{avoid: [...], use_instead: [...]}`. Bad entries are skipped. */
export function parseMisusedTerms(text: string): MisusedTerm[] {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 50, logLevel: 'silent' });
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: MisusedTerm[] = [];
  for (const entry of data.slice(0, MAX_TERMS) as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const avoid = (entry as { avoid?: unknown }).avoid;
    const instead = (entry as { use_instead?: unknown }).use_instead;
    const useInstead = (Array.isArray(instead) ? instead : [instead]).filter((x): x is string => typeof x === 'string').map((x) => x.trim());
    for (const raw of Array.isArray(avoid) ? avoid : [avoid]) {
      if (typeof raw !== 'string') continue;
      const term = raw.trim();
      if (!term || term.length > 80 || !LITERAL.test(term) || DESCRIPTIVE.test(term)) continue;
      const level = LEVEL.get(term.toLowerCase()) ?? 'info';
      if (level === 'context') continue;
      out.push(level === 'person' ? { term, useInstead, severity: 'info', ofPeople: true } : { term, useInstead, severity: level });
    }
  }
  return out;
}
