import type { Severity } from '../../service';

/** One finding as every format sees it; positions are 1-based, paths relative to the working directory with `/`. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly severity: Severity;
  readonly code: string;
  readonly rule: string;
  readonly message: string;
  /** The page text the finding covers, for fingerprints (not shown). */
  readonly text: string;
}

export interface Report {
  /** In file order, then position. */
  readonly problems: readonly Problem[];
  readonly filesChecked: number;
  /** Files --fix rewrote (or --fix-dry-run would). */
  readonly filesFixed: number | undefined;
  readonly dryRun: boolean;
  readonly maxWarnings: number | undefined;
  readonly version: string;
  /** The working directory, the base of every path. */
  readonly cwd: string;
}

export function countBy(problems: readonly Problem[], severity: Severity): number {
  return problems.filter((p) => p.severity === severity).length;
}
