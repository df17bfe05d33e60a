import type { GradeTable } from '../../grades/gradeTable';
import type { HandbookIndex } from '../../handbook/index';

export interface CompletionEnv {
  readonly grades: GradeTable;
  /** The handbook index when a checkout is open. */
  readonly index: HandbookIndex | undefined;
}
