import { effectiveKind, type Section } from '../model/sections';
import { insertAt, insertLines } from './helpers';
import { subset, words } from './levelWords';
import type { Rule } from './types';

export const levelGradeMissing: Rule = {
  meta: {
    id: 'JF023',
    alias: 'level-grade-missing',
    description: 'Every level states its job grade.',
    severity: 'warning',
    tags: ['grades', 'structure'],
    fixable: true,
    docs: `The handbook CI requires a job grade, and a level without one cannot be hired for or
compared. Each level needs its \`<Level> Job Grade\` subsection with the grade sentence.
The fix inserts one after the level's introduction, with the grade the table gives the
level's title (Senior → 7, Staff → 8, …) or \`#\` to fill in.`,
  },
  check(ctx) {
    const { model, grades } = ctx;
    for (const level of model.levels) {
      if (!level.section || level.grades.length) continue;
      const s = level.section;
      const misplaced = misplacedGradeHeading(level.title, s);
      if (misplaced?.heading) {
        const h = misplaced.heading;
        const hashes = model.lines.line(h.line).indexOf('#');
        ctx.report({
          range: h.textRange,
          message: `"${h.text}" is at the same depth as its level "${level.title}", so the level has no grade of its own: make it a ${'#'.repeat(s.depth + 1)} heading.`,
          fix: hashes >= 0 ? { kind: 'safe', title: `Make it a ${'#'.repeat(s.depth + 1)} heading`, edits: [insertAt(h.line, hashes, '#')] } : undefined,
        });
        continue;
      }
      const at = s.children[0]?.startLine ?? s.endLine;
      const depth = '#'.repeat(Math.min(6, s.depth + 1));
      const grade = grades.gradeForTitle(level.title);
      const lines = [`${depth} ${level.title} Job Grade`, '', `The ${level.title} is a [grade ${grade ?? '#'}](${grades.link()}).`, ''];
      const before = model.lines.line(at - 1).trim() === '' ? lines : ['', ...lines];
      ctx.report({
        range: level.titleRange,
        message: `"${level.title}" has no job grade: add a "${level.title} Job Grade" section with its grade sentence.`,
        fix: { kind: 'suggestion', title: 'Add a Job Grade section', edits: [insertLines(model, at, before)] },
      });
    }
  },
};

/** A "<Level> Job Grade" heading written as the level's next sibling instead of its child. */
function misplacedGradeHeading(title: string, level: Section): Section | undefined {
  const siblings = level.parent?.children ?? [];
  const next = siblings[siblings.indexOf(level) + 1];
  if (!next || effectiveKind(next) !== 'job-grade' || !next.prefix) return undefined;
  return subset(words(next.prefix), words(title)) ? next : undefined;
}
