import type { Rule } from './types';

export const gradeExists: Rule = {
  meta: {
    id: 'JF019',
    alias: 'grade-exists',
    description: 'Every grade is one of the compensation calculator\'s job grades.',
    severity: 'error',
    tags: ['ci', 'grades'],
    fixable: false,
  },
  check(ctx) {
    const valid = ctx.grades.grades;
    for (const g of ctx.model.grades) {
      if (g.grade === undefined || ctx.grades.exists(g.grade)) continue;
      ctx.report({
        range: g.numberRange ?? g.range,
        message: `Grade ${g.grade} does not exist: use one of the job grades ${describe(valid)}.`,
      });
    }
  },
};

function describe(grades: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < grades.length) {
    let j = i;
    while (j + 1 < grades.length && grades[j + 1] === grades[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${grades[i]}–${grades[j]}` : grades.slice(i, j + 1).join(', '));
    i = j + 1;
  }
  return parts.join(', ');
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Job grades come from the compensation calculator's grade tables: 4 to 12, 14 and 15.
**There is no grade 13.** A grade outside the table cannot be benchmarked or paid, so the
page is wrong whatever else it says. A handbook can replace the table with \`grades\` in
\`.jobfamily.yml\`.

Bad: \`The Senior Director is a [grade 13](…#gitlab-job-grades).\``;
