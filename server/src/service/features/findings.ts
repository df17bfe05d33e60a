import type { Range } from 'vscode-languageserver-types';
import { Slicer, type CancellationLike, type Pause } from '../cancellation';
import { severityFor, type JobFamilyConfig } from '../config';
import type { Family } from '../family';
import type { GradeTable } from '../grades/gradeTable';
import type { HandbookLinks } from '../handbook/links';
import type { JobFamilyModel } from '../model/model';
import type { MisusedTerm } from '../model/terms';
import { RULES } from '../rules';
import { notCheckable } from '../rules/notCheckable';
import type { Fix, Rule, Severity } from '../rules/types';
import { Suppressions } from '../suppression';
import { validFix } from './fixes';

export interface RuleFinding {
  readonly rule: Rule;
  readonly severity: Severity;
  readonly range: Range;
  readonly message: string;
  readonly fix: Fix | undefined;
}

export interface CheckInput {
  readonly model: JobFamilyModel;
  readonly family: Family;
  readonly config: JobFamilyConfig;
  readonly grades: GradeTable;
  readonly handbook: HandbookLinks | undefined;
  readonly terms: readonly MisusedTerm[];
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
}

/**
 * The editor shows at most this many findings of a rule on one page; past it one more says
 * how many were left out. No real page comes near it; a generated or damaged one would
 * otherwise flood the editor with thousands of diagnostics. Fixing and the CLI see them all.
 */
export const MAX_FINDINGS_PER_RULE = 200;

/** At most MAX_FINDINGS_PER_RULE findings of each rule, and one that counts the rest. */
export function capPerRule(findings: readonly RuleFinding[]): RuleFinding[] {
  const counts = new Map<Rule, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  if ([...counts.values()].every((n) => n <= MAX_FINDINGS_PER_RULE)) return [...findings];
  const seen = new Map<Rule, number>();
  const out: RuleFinding[] = [];
  for (const f of findings) {
    const k = (seen.get(f.rule) ?? 0) + 1;
    seen.set(f.rule, k);
    if (k <= MAX_FINDINGS_PER_RULE) out.push(f);
    else if (k === MAX_FINDINGS_PER_RULE + 1) {
      const left = counts.get(f.rule)! - MAX_FINDINGS_PER_RULE;
      out.push({ rule: f.rule, severity: 'info', range: f.range, message: `${left.toLocaleString('en')} more ${f.rule.meta.id} finding${left === 1 ? '' : 's'} on this page are not shown: fix the ones above first.`, fix: undefined });
    }
  }
  return out;
}

/**
 * Runs every enabled rule over one model. A rule set to `off` is never called. Long runs
 * pause between rules so a newer edit or a cancel can stop them; a cancelled run throws.
 */
export async function runRules(input: CheckInput, token: CancellationLike, pause: Pause, now: () => number): Promise<RuleFinding[]> {
  const { model, config } = input;
  const rules = model.unreadable ? [notCheckable] : RULES;
  const suppressions = new Suppressions(model, RULES);
  const slicer = new Slicer(pause, now, token);
  const out: RuleFinding[] = [];
  for (const rule of rules) {
    await slicer.maybePause();
    const setting = severityFor(rule, config);
    if (setting === 'off') continue;
    try {
      rule.check({
        model,
        family: input.family,
        grades: input.grades,
        handbook: input.handbook,
        terms: input.terms,
        severity: setting,
        report(f) {
          if (!suppressions.isEmpty && suppressions.isSuppressed(rule.meta.id, f.range.start.line)) return;
          const fix = f.fix && validFix(f.fix, model, rule) ? f.fix : undefined;
          // A finding's own severity applies only while the user keeps the rule's default.
          const severity = f.severity && setting === rule.meta.severity ? f.severity : setting;
          out.push({ rule, severity, range: f.range, message: f.message, fix });
        },
      });
    } catch (error) {
      input.onRuleError?.(rule, error);
    }
  }
  return dedupe(out.sort(byPosition));
}

function byPosition(a: RuleFinding, b: RuleFinding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.meta.id.localeCompare(b.rule.meta.id);
}

/** The same rule saying the same thing at the same place twice is one finding. */
function dedupe(sorted: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>();
  return sorted.filter((f) => {
    const r = f.range;
    const key = `${f.rule.meta.id}|${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
