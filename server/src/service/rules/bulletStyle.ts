import type { ListItem } from '../model/blocks';
import type { Rule } from './types';

export const bulletStyle: Rule = {
  meta: {
    id: 'JF042',
    alias: 'bullet-style',
    description: 'Bulleted lists use `-`.',
    severity: 'info',
    tags: ['style'],
    fixable: true,
  },
  check(ctx) {
    // One finding per list, with one fix for all its markers: a list written with `*` is one choice.
    const byList = new Map<number, ListItem[]>();
    for (const li of ctx.model.listItems) {
      if (li.ordered || li.marker === '-') continue;
      const run = byList.get(li.list);
      if (run) run.push(li);
      else byList.set(li.list, [li]);
    }
    for (const run of byList.values()) {
      const first = run[0]!;
      ctx.report({
        range: first.markerRange,
        message: run.length === 1 ? `Bullet marker \`${first.marker}\`: use \`-\` as the templates do.` : `This list uses \`${first.marker}\` for its ${run.length} bullets: use \`-\` as the templates do.`,
        fix: { kind: 'safe', title: 'Use `-`', edits: run.map((li) => ({ range: li.markerRange, newText: '-' })) },
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The templates and nearly every job family use \`-\` for bullets; \`*\` and \`+\` render the
same but make pages inconsistent and diffs noisy when someone normalises them later.
One finding per list; the fix changes every marker of the list.`;
