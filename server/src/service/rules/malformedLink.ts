import { range } from '../model/lines';
import type { Rule } from './types';

export const malformedLink: Rule = {
  meta: {
    id: 'JF035',
    alias: 'malformed-link',
    description: 'Links are written `[text](target)` on one line, with no space before `(` and none in the target.',
    severity: 'error',
    tags: ['ci', 'links'],
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const m of model.malformedLinks) {
      if (m.reason === 'space-before-paren') {
        const gap = m.text.indexOf('] (');
        const at = m.range.start.character + gap + 1;
        ctx.report({
          range: m.range,
          message: 'The space between `]` and `(` stops this from being a link: remove it.',
          fix: { kind: 'safe', title: 'Remove the space', edits: [{ range: range(m.range.start.line, at, m.range.start.line, at + 1), newText: '' }] },
        });
      } else if (m.reason === 'unclosed') {
        ctx.report({ range: m.range, message: 'This link is never closed: add the missing `)` at the end of its target.' });
      } else {
        ctx.report({ range: m.range, message: 'The link target contains a space, so it is not a link: remove the space or write it as `%20`.' });
      }
    }
    // A link whose text or target continues on the next line.
    for (let i = 0; i + 1 < model.prose.length; i++) {
      const a = model.prose[i]!;
      const b = model.prose[i + 1]!;
      if (b.line !== a.line + 1) continue;
      const text = model.lines.line(a.line);
      const open = unclosedBracket(text);
      if (open < 0 || text.indexOf('`', open) >= 0) continue;
      if (!/^[^[]*\]\(/.test(model.lines.line(b.line).trimStart())) continue;
      ctx.report({ range: range(a.line, open, a.line, text.length), message: 'This link is split over two lines: put the whole link on one line.' });
    }
  },
};

/** The first `[` after the last `]` of a line (a link text still open at the line end), or -1. */
function unclosedBracket(text: string): number {
  return text.indexOf('[', text.lastIndexOf(']') + 1);
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `A link with a space between \`]\` and \`(\`, an unclosed \`(\`, or a space in its target is not a
link at all: the page shows the brackets and the URL as text. The handbook CI also rejects
links split over two lines (\`MultiLineLinks\`). The fix removes the space before \`(\`.

Bad: \`[hiring page] (/handbook/hiring/)\`, \`[values](/handbook/values/\``;
