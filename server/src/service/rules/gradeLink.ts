import type { GradeMention } from '../model/grades';
import type { Rule } from './types';

export const gradeLink: Rule = {
  meta: {
    id: 'JF020',
    alias: 'grade-link',
    description: 'A level\'s grade is written as a link to the grade table: `[grade 7](…/compensation-calculator/#gitlab-job-grades)`.',
    severity: 'warning',
    tags: ['grades'],
    fixable: true,
  },
  check(ctx) {
    const { model, grades } = ctx;
    const sentences = new Set(model.levels.map((l) => l.grade).filter((g): g is GradeMention => g !== undefined));
    const headingLines = new Set(model.headings.map((h) => h.line));
    for (const g of model.grades) {
      // A grade in a heading is the heading's problem (JF045), not a link to add there.
      if (g.grade === undefined || headingLines.has(g.line)) continue;
      const inGradeSection = model.sectionAt(g.line).kind === 'job-grade' || model.sectionAt(g.line).misspelling?.kind === 'job-grade';
      if (!sentences.has(g) && !inGradeSection && !g.subject) continue;
      const linked = `[grade ${g.grade}](${grades.link()})`;
      if (g.form === 'unlinked' || g.form === 'bare') {
        ctx.report({
          range: g.range,
          message: `Grade ${g.grade} is not linked: write it as \`[grade ${g.grade}](${grades.link()})\`.`,
          fix: { kind: 'safe', title: 'Link the grade to the grade table', edits: [{ range: g.range, newText: linked }] },
        });
        continue;
      }
      const link = g.link!;
      const targetOk = (link.kind === 'ref' || /compensation-calculator\/?$/.test(link.path)) && link.anchor !== undefined && grades.anchors.includes(link.anchor.toLowerCase());
      if (!targetOk) {
        const what = link.anchor === undefined ? 'links to the grade page without an anchor' : `links to \`${link.target}\``;
        ctx.report({
          range: link.targetRange,
          message: `The grade ${what}: link it to \`${grades.link()}\`.`,
          fix: { kind: 'safe', title: 'Link to #gitlab-job-grades', edits: [{ range: link.targetRange, newText: grades.link() }] },
        });
      } else if (g.form === 'number-link') {
        ctx.report({
          range: link.textRange,
          message: `The link text is only "${link.text}": write it as "grade ${g.grade}".`,
          fix: { kind: 'safe', title: `Write "grade ${g.grade}"`, edits: [{ range: link.textRange, newText: `grade ${g.grade}` }] },
        });
      }
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Readers need the grade table to know what a grade means, so the grade sentence links to
it: \`[grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)\`.
Sales and Sales Development use \`#salessales-development\`, Customer Success uses
\`#customer-success\`; a \`ref\` shortcode to \`compensation-calculator#…\` is fine too.
Reported: an unlinked "grade 7" or "Job Grade: 7" in a grade sentence, a bare number in a
Job Grade section, a link to the page without an anchor or to another page, and \`[7](…)\`
without the word "grade". The fix writes the linked form.

Bad:

\`\`\`markdown
The Deal Strategist is a Grade 7
\`\`\`

Good:

\`\`\`markdown
The Deal Strategist is a [grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades).
\`\`\``;
