import type { GradeTable } from '../grades/gradeTable';

/** The grade after `grade` that exists in the table (13 does not), or undefined. */
export function nextGrade(grades: GradeTable, grade: number | undefined): number | undefined {
  if (grade === undefined) return undefined;
  return grades.grades.find((g) => g > grade);
}
