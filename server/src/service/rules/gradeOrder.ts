import type { Level } from '../model/roles';
import type { Rule } from './types';

export const gradeOrder: Rule = {
  meta: {
    id: 'JF021',
    alias: 'grade-order',
    description: 'Levels are listed in ascending grade order within each track.',
    severity: 'warning',
    tags: ['grades', 'structure'],
    fixable: false,
  },
  check(ctx) {
    // Each ladder and track on its own: the roles of a Template 2 page are not one ladder.
    const highest = new Map<string, Level>();
    for (const level of ctx.model.levels) {
      const grade = level.grade?.grade;
      if (grade === undefined || level.kind === 'page') continue;
      const key = `${level.ladder}:${level.track}`;
      const prev = highest.get(key);
      if (prev && prev.grade!.grade! > grade) {
        ctx.report({
          range: level.grade!.numberRange ?? level.grade!.range,
          message: `"${level.title}" (grade ${grade}) comes after "${prev.title}" (grade ${prev.grade!.grade}): list the ${level.track === 'management' ? 'management' : 'individual-contributor'} levels in ascending order.`,
        });
      } else if (!prev || grade > prev.grade!.grade!) {
        highest.set(key, level);
      }
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The guide: "List levels in ascending order. Start w/ junior/associate and end with the
highest level." Individual-contributor levels and management levels are separate tracks
(a Manager at grade 8 may follow a Principal at grade 9), so each track is checked on its
own. A level is on the management track when its title says so: "Manager, X", "Senior
Manager", Director, VP, Head of, Chief; "X Manager" names a function, not a people
manager.

Only roles of one ladder are compared: the levels under one \`## Levels\`, or the \`##\`
roles of a Template 2 page that share their name but for the level words ("Account
Executive" and "Senior Account Executive"). Unrelated roles of a Template 2 page are units
of their own and may come in any order.

Bad: Senior (grade 7) listed before Intermediate (grade 6).`;
