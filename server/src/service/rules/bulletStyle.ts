import type { Rule } from './types';

export const bulletStyle: Rule = {
  meta: {
    id: 'JF042',
    alias: 'bullet-style',
    description: 'Bulleted lists use `-`.',
    severity: 'info',
    tags: ['style'],
    fixable: true,
    docs: `The templates and nearly every job family use \`-\` for bullets; \`*\` and \`+\` render the
same but make pages inconsistent and diffs noisy when someone normalises them later.
The fix changes the marker.`,
  },
  check(ctx) {
    for (const li of ctx.model.listItems) {
      if (li.ordered || li.marker === '-') continue;
      ctx.report({
        range: li.markerRange,
        message: `Bullet marker \`${li.marker}\`: use \`-\` as the templates do.`,
        fix: { kind: 'safe', title: 'Use `-`', edits: [{ range: li.markerRange, newText: '-' }] },
      });
    }
  },
};
