import { deleteLines } from './helpers';
import { range } from '../model/lines';
import type { Rule } from './types';

export const blankLines: Rule = {
  meta: {
    id: 'JF041',
    alias: 'blank-lines',
    description: 'Blocks are separated by a single blank line.',
    severity: 'info',
    tags: ['style'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    const { lines } = model;
    const last = lines.lineCount - 1;
    // The empty "line" after the file's final line break is not a blank line of the page.
    const end = lines.line(last) === '' ? last : lines.lineCount;
    let start = -1;
    for (let n = model.bodyStartLine; n <= end; n++) {
      const blank = n < end && lines.line(n).trim() === '' && !model.codeLines.has(n);
      if (blank) {
        if (start < 0) start = n;
        continue;
      }
      if (start >= 0) {
        const atEnd = n === end;
        const from = atEnd ? start : start + 1;
        const to = n - 1;
        if (to >= from && start > model.bodyStartLine - 1) {
          ctx.report({
            range: range(from, 0, to, lines.line(to).length),
            message: atEnd ? 'Blank lines at the end of the file: remove them.' : `${n - start} blank lines in a row: keep one.`,
            fix: { kind: 'safe', title: 'Remove the extra blank lines', edits: [deleteLines(model, from, to)] },
          });
        }
        start = -1;
      }
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Markdown treats two blank lines like one, so extra ones only add noise to the source and to
diffs (markdownlint's \`no-multiple-blanks\`, on in the handbook's settings). Code blocks are
left alone. The fix removes the extra lines.`;
