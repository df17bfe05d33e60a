import type { Rule } from './types';

export const finalNewline: Rule = {
  meta: {
    id: 'JF040',
    alias: 'final-newline',
    description: 'The file ends with a single line break.',
    severity: 'info',
    tags: ['style'],
    fixable: true,
  },
  check(ctx) {
    const { lines } = ctx.model;
    const last = lines.lineCount - 1;
    if (lines.text.length === 0 || lines.line(last) === '') return;
    const end = lines.line(last).length;
    ctx.report({
      range: { start: { line: last, character: end }, end: { line: last, character: end } },
      message: 'The file does not end with a line break: add one.',
      fix: { kind: 'safe', title: 'Add a final line break', edits: [{ range: { start: { line: last, character: end }, end: { line: last, character: end } }, newText: lines.eol }] },
    });
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `A file that does not end with a line break shows as "No newline at end of file" in every
diff and upsets tools that read line by line. The fix adds one.`;
