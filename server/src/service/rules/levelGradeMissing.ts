import { insertLines } from './helpers';
import type { Rule } from './types';

/** A level title that reads as a name: no link or other markup, nothing that reads as a grade. */
const PLAIN_TITLE = /^(?![^]*\b(?:(?:is|are)\s+(?:an?\s+)?\d|grade\s*#?\s*\d))[^[\]{}<>`*_|#\\]+$/i;

export const levelGradeMissing: Rule = {
  meta: {
    id: 'JF023',
    alias: 'level-grade-missing',
    description: 'Every level and role states its job grade.',
    severity: 'warning',
    tags: ['grades', 'structure'],
    fixable: true,
  },
  check(ctx) {
    const { model, grades } = ctx;
    if (model.layout === 'expertise') return;
    const explained = new Set(model.structureProblems.filter((p) => p.kind === 'part-depth').map((p) => p.role));
    // With no grade anywhere in the family, the handbook CI fails the page: each missing grade is an error then.
    const noGradeAtAll = !ctx.family.members.some((m) => m.grades.some((g) => g.grade !== undefined));
    const severity = noGradeAtAll ? ('error' as const) : undefined;
    for (const level of model.levels) {
      if (level.kind === 'page' || level.grades.length || explained.has(level)) continue;
      const grade = grades.gradeForTitle(level.title);
      const sentence = `The ${level.title} is a [grade ${grade ?? '#'}](${grades.link()}).`;
      // A title with links, markup or sentences of its own would write them into the new text
      // (a grade among them): the finding stands, the text is the author's to write.
      const plain = PLAIN_TITLE.test(level.title);
      const gradeSection = level.subsections.get('job-grade');
      if (gradeSection?.heading) {
        ctx.report({
          range: gradeSection.heading.textRange,
          message: `"${gradeSection.heading.text}" has no grade sentence yet: write "${sentence.replace(/\]\(.*\)/, ']')}" with the grade linked to the grade table.`,
          severity,
          fix: plain ? { kind: 'suggestion', title: 'Write the grade sentence', edits: [insertLines(model, gradeSection.bodyStartLine, ['', sentence])] } : undefined,
        });
        continue;
      }
      const s = level.section;
      if (!s) continue;
      const at = s.children[0]?.startLine ?? s.endLine;
      const depth = '#'.repeat(Math.min(6, s.depth + 1));
      const lines = [`${depth} ${level.kind === 'role' ? '' : `${level.title} `}Job Grade`, '', sentence, ''];
      const before = model.lines.line(at - 1).trim() === '' ? lines : ['', ...lines];
      ctx.report({
        range: level.titleRange,
        message: `"${level.title}" has no job grade: add ${level.kind === 'role' ? 'a "Job Grade"' : `a "${level.title} Job Grade"`} section with its grade sentence.`,
        severity,
        fix: plain ? { kind: 'suggestion', title: 'Add a Job Grade section', edits: [insertLines(model, at, before)] } : undefined,
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook CI requires a job grade, and a level without one cannot be hired for or
compared. Each level of a Template 1 page needs its \`<Level> Job Grade\` subsection with the
grade sentence; each role of a Template 2 page its \`### Job Grade\`. The message says what is
missing where: the whole section, or only the sentence in a Job Grade section that is there.

The fix (a suggestion: it writes a grade the author must confirm) inserts the section or the
sentence with the grade the table gives the level's title (Senior → 7, Staff → 8, …) or \`#\`
to fill in. A level whose title holds links, other markup or a grade of its own gets the
finding without a fix: the sentence would carry them into the page. A level whose sections
sit at the wrong depth is reported by JF044 instead.`;
