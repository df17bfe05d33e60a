import { perLine } from '../model/memo';
import { range } from '../model/lines';
import type { MisusedTerm } from '../model/terms';
import type { Rule } from './types';

/** One pattern for the whole list, so each line is read once. */
const patterns = new WeakMap<readonly MisusedTerm[], { re: RegExp; byTerm: Map<string, MisusedTerm> }>();

function patternOf(terms: readonly MisusedTerm[]): { re: RegExp; byTerm: Map<string, MisusedTerm> } | undefined {
  if (!terms.length) return undefined;
  let hit = patterns.get(terms);
  if (!hit) {
    const byTerm = new Map(terms.map((t) => [t.term.toLowerCase(), t]));
    // Longest first, so "Functional group leader" wins over "Functional group".
    const alternatives = [...byTerm.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+').replace(HYPHENABLE, '$1-?'));
    // A plural counts as the word ("deadlines").
    hit = { re: new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives.join('|')})(?:s|es)?(?![\\p{L}\\p{N}_-])`, 'giu'), byTerm };
    patterns.set(terms, hit);
  }
  return hit;
}

/** A compound the list writes as one word is also written with a hyphen: "bi-weekly", "white-list". */
const COMPOUND_PREFIXES = 'bi|white|black|middle|grand';
const HYPHENABLE = new RegExp(`^(${COMPOUND_PREFIXES})(?=[a-z])`);
const HYPHENATED = new RegExp(`^(${COMPOUND_PREFIXES})-(?=[a-z])`);
/** Words for people within the next three words: "non-technical (team) members", "non-technical business personnel". */
const PEOPLE_AFTER = /^[\s,]+(?:[\p{L}-]+\s+){0,2}(?:people|persons?|stakeholders?|members?|users?|audiences?|colleagues?|personnel|staff|employees?|folks|customers?|partners?|leaders?|leadership|executives?|individuals?|candidates?|counterparts?|contributors?|teams?|roles?|managers?)\b/iu;

export const misusedTerm: Rule = {
  meta: {
    id: 'JF043',
    alias: 'misused-term',
    description: 'The page avoids the terms of the handbook\'s misused-terms list.',
    severity: 'warning',
    tags: ['language'],
    fixable: true,
  },
  check(ctx) {
    const p = patternOf(ctx.terms);
    if (!p) return;
    for (const line of ctx.model.prose) {
      // The pattern object stands for the list: a new list starts a new memo.
      const matches = perLine(ctx.model, p, line.text, (text) => matchesIn(text, p));
      for (const { index, written: w, term } of matches) {
        const r = range(line.line, line.col + index, line.line, line.col + index + w.length);
        // An advice sentence ('Usually, people mean "non-engineering."') offers the word it quotes.
        const offered = term.useInstead.map((u) => (/\s/.test(u) && /"[^"]+"/.test(u) ? /"([^"]+?)\.?"/.exec(u)![1]! : u));
        const alternative = offered.find((u) => u.length <= 40 && !/[[\]()/]/.test(u));
        const instead = offered.length ? `: use ${offered.slice(0, 3).map((u) => `"${u.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')}"`).join(' or ')} instead` : '';
        ctx.report({
          range: r,
          message: term.ofPeople ? `"${w}" describes people here, which the handbook's list of misused terms advises against${instead}.` : `"${w}" is on the handbook's list of misused terms${instead}.`,
          severity: term.severity === 'info' ? 'info' : undefined,
          fix: alternative ? { kind: 'suggestion', title: `Use "${alternative}"`, edits: [{ range: r, newText: matchCase(w, alternative) }] } : undefined,
        });
      }
    }
  },
};

interface Match {
  readonly index: number;
  /** As the page writes it. */
  readonly written: string;
  readonly term: MisusedTerm;
}

/** The listed terms a prose line uses, where it uses them: from the line's text alone. */
function matchesIn(text: string, p: { re: RegExp; byTerm: Map<string, MisusedTerm> }): Match[] {
  const out: Match[] = [];
  p.re.lastIndex = 0;
  for (const m of text.matchAll(p.re)) {
    const written = m[0].toLowerCase().replace(/\s+/g, ' ').replace(HYPHENATED, '$1');
    const term = p.byTerm.get(written) ?? p.byTerm.get(written.slice(0, -1)) ?? p.byTerm.get(written.slice(0, -2));
    if (!term) continue;
    if (term.ofPeople && !PEOPLE_AFTER.test(text.slice(m.index + m[0].length))) continue;
    out.push({ index: m.index, written: m[0], term });
  }
  return out;
}

function matchCase(written: string, replacement: string): string {
  const first = written[0];
  if (first && first === first.toLowerCase()) return replacement[0]!.toLowerCase() + replacement.slice(1);
  return replacement[0]!.toUpperCase() + replacement.slice(1);
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook keeps a list of terms to avoid and what to use instead
(\`data/misused_terms.yml\` in the handbook checkout), part of the inclusive-language check job
families are held to. The rule reads that list from the open checkout, so it follows the
handbook as the list changes; without a checkout it is silent.

The list mixes language that is wrong wherever it appears ("whitelist", "grandfathered",
"hi guys") with house-style words whose misuse depends on what they refer to ("community",
"documentation", "training", "international"). From the words alone a page cannot be judged
on the second kind, so those are not reported; some are reported as advice (info). Which is
which is data: \`server/src/service/data/misused-terms-policy.json\`. Entries of the list
that describe a use rather than name a word ("CE to reference …") are not matched.

The quick fix (a suggestion) puts in the list's first alternative.

Bad: \`Maintains the whitelist of approved vendors.\``;
