import type { JobFamilyModel } from '../../server/src/service/model/model';

/**
 * Everything a model says, as text, for comparing two models: sections by their number where
 * they are referred to (they point at each other), the memo, the text's lines and functions
 * left out.
 */
export function modelText(m: JobFamilyModel): string {
  const isSection = (v: unknown): boolean => v !== null && typeof v === 'object' && 'children' in v && 'bodyStartLine' in v;
  return JSON.stringify(m, function (this: unknown, key: string, value: unknown) {
    if (key === 'memo' || key === 'lines' || typeof value === 'function') return undefined;
    if (isSection(value) && this !== m.sections) return `§${(value as { id: number }).id}`;
    return value;
  });
}
