import type { GradeTable } from '../grades/gradeTable';
import type { JobFamilyModel } from '../model/model';
import type { Level } from '../model/roles';

/** The grade after `grade` that exists in the table (13 does not), or undefined. */
export function nextGrade(grades: GradeTable, grade: number | undefined): number | undefined {
  if (grade === undefined) return undefined;
  return grades.grades.find((g) => g > grade);
}

/**
 * The grade a level most likely has: what its title says in the grade table (Senior → 7), when
 * that fits between the levels around it in its ladder; otherwise the grade between its
 * neighbours (a level between a 6 and an 8 is a 7), or the one after the level before it.
 */
export function fittingGrade(model: JobFamilyModel, level: Level | undefined, grades: GradeTable): number | undefined {
  if (!level) return undefined;
  const ladder = model.levels.filter((l) => l.ladder === level.ladder && l.track === level.track);
  const at = ladder.indexOf(level);
  const before = ladder.slice(0, Math.max(0, at)).reverse().find((l) => l.grade?.grade !== undefined)?.grade?.grade;
  const after = ladder.slice(at + 1).find((l) => l.grade?.grade !== undefined)?.grade?.grade;
  const fits = (g: number): boolean => (before === undefined || g > before) && (after === undefined || g < after);
  const byTitle = grades.gradeForTitle(level.title);
  if (byTitle !== undefined && fits(byTitle)) return byTitle;
  const between = grades.grades.filter(fits);
  if (before !== undefined && after !== undefined) return between[0];
  if (before !== undefined) return nextGrade(grades, before);
  if (after !== undefined) return between[between.length - 1];
  return byTitle;
}
