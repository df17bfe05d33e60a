import { range } from '../model/lines';
import type { Rule } from './types';

export const trailingWhitespace: Rule = {
  meta: {
    id: 'JF039',
    alias: 'trailing-whitespace',
    description: 'Lines do not end with spaces or tabs.',
    severity: 'info',
    tags: ['style'],
    fixable: true,
  },
  check(ctx) {
    const { lines } = ctx.model;
    for (let n = 0; n < lines.lineCount; n++) {
      const text = lines.line(n);
      let start = text.length;
      while (start > 0 && (text.charCodeAt(start - 1) === 32 || text.charCodeAt(start - 1) === 9)) start--;
      if (start === text.length) continue;
      const r = range(n, start, n, text.length);
      ctx.report({ range: r, message: 'Trailing whitespace: remove it.', fix: { kind: 'safe', title: 'Remove trailing whitespace', edits: [{ range: r, newText: '' }] } });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook's Vale check (\`EOLWhitespace\`) asks to remove whitespace at the end of lines:
it is invisible, makes noisy diffs, and two trailing spaces turn into a hard line break.
The fix removes it.`;
