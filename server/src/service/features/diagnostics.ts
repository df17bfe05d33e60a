import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../rules/types';
import type { RuleFinding } from './findings';

export const DIAGNOSTIC_SOURCE = 'jobfamily';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule's docs page: `<base>/JF012.md`. */
export function docsUri(base: string | undefined, id: string): string | undefined {
  return base ? `${base.replace(/\/+$/, '')}/${id}.md` : undefined;
}

export function toDiagnostic(f: RuleFinding, docsBase: string | undefined): Diagnostic {
  const href = docsUri(docsBase, f.rule.meta.id);
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule.meta.id,
    source: DIAGNOSTIC_SOURCE,
    message: f.message,
    ...(href ? { codeDescription: { href } } : {}),
    data: { rule: f.rule.meta.alias, fixable: f.fix !== undefined },
  };
}
