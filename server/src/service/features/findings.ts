import type { Range } from 'vscode-languageserver-types';
import { severityFor, type JobFamilyConfig } from '../config';
import type { Family } from '../family';
import type { GradeTable } from '../grades/gradeTable';
import type { HandbookLinks } from '../handbook/links';
import type { JobFamilyModel } from '../model/model';
import { RULES } from '../rules';
import { notCheckable } from '../rules/notCheckable';
import type { CancellationLike, Fix, Rule, Severity } from '../rules/types';
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
  readonly token?: CancellationLike;
  readonly onRuleError?: (rule: Rule, error: unknown) => void;
}

/** Runs every enabled rule over one model. A rule set to `off` is never called. */
export function runRules(input: CheckInput): RuleFinding[] {
  const { model, config } = input;
  const rules = model.unreadable ? [notCheckable] : RULES;
  const suppressions = new Suppressions(model, RULES);
  const out: RuleFinding[] = [];
  for (const rule of rules) {
    if (input.token?.isCancellationRequested) return out;
    const setting = severityFor(rule, config);
    if (setting === 'off') continue;
    try {
      rule.check({
        model,
        family: input.family,
        grades: input.grades,
        handbook: input.handbook,
        severity: setting,
        report(f) {
          if (!suppressions.isEmpty && suppressions.isSuppressed(rule.meta.id, f.range.start.line)) return;
          const fix = f.fix && validFix(f.fix, model) ? f.fix : undefined;
          // A finding's own severity only ever raises the configured one's default, never a user's choice.
          const severity = f.severity && setting === rule.meta.severity ? f.severity : setting;
          out.push({ rule, severity, range: f.range, message: f.message, fix });
        },
      });
    } catch (error) {
      input.onRuleError?.(rule, error);
    }
  }
  out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.meta.id.localeCompare(b.rule.meta.id));
  return out;
}
