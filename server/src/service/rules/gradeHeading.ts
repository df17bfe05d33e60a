import { standardSection } from '../model/sections';
import type { Rule } from './types';

export const gradeHeading: Rule = {
  meta: {
    id: 'JF045',
    alias: 'grade-heading',
    description: 'The section that states a level\'s grade is titled "<Level> Job Grade" (or "Job Grade").',
    severity: 'warning',
    tags: ['ci', 'grades', 'structure'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.sections) {
      if (!s.heading || !s.gradeVariant) continue;
      // An empty "Job Grades" heading standing for Levels is JF016's; a table of several grades is a fine form.
      const inside = model.grades.filter((g) => g.line >= s.bodyStartLine && g.line < s.endLine).length;
      if ((!s.children.length && inside === 0) || inside > 1) continue;
      const title = `${s.prefix ? `${s.prefix} ` : ''}${standardSection('job-grade').title}`;
      ctx.report({
        range: s.heading.textRange,
        message: `"${s.heading.text}" is a grade section under another name: title it "${title}", as the templates and the handbook CI do.`,
        fix: s.heading.textRange.start.line === s.heading.textRange.end.line ? { kind: 'safe', title: `Retitle "${title}"`, edits: [{ range: s.heading.textRange, newText: title }] } : undefined,
      });
    }
    for (const s of model.gradeAliases) {
      if (!s.heading) continue;
      const title = `${s.heading.text} Job Grade`;
      ctx.report({
        range: s.heading.textRange,
        message: `"${s.heading.text}" holds the level's grade: title it "${title}", as the templates and the handbook CI do.`,
        fix: s.heading.textRange.start.line === s.heading.textRange.end.line ? { kind: 'safe', title: `Retitle "${title}"`, edits: [{ range: { start: s.heading.textRange.end, end: s.heading.textRange.end }, newText: ' Job Grade' }] } : undefined,
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The templates title the grade section \`#### <Level> Job Grade\` (Template 1) or
\`### Job Grade\` (Template 2), and the handbook CI looks for "Job Grade". A grade section
titled otherwise ("Grade", "Grade Level", "Job Grade 8", "Job Grades" for one grade) is
still read as the level's grade section here, and reported. The grade belongs in the
sentence under the heading, not in the heading.

The fix retitles it (safe: the level and its grade stay as they are).

Bad: \`#### Business Development Representative Grade Level\``;
