import type { Problem, Report } from './report';

/** One finding of `--format json`: the CLI's output contract. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  rule: string;
  message: string;
}

export function toJsonFinding(p: Problem): JsonFinding {
  return { file: p.file, line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn, severity: p.severity, code: p.code, rule: p.rule, message: p.message };
}

export function formatJson(report: Report): string {
  return `${JSON.stringify(report.problems.map(toJsonFinding), null, 2)}\n`;
}
