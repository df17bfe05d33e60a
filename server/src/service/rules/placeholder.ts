import type { Rule } from './types';

export const placeholder: Rule = {
  meta: {
    id: 'JF024',
    alias: 'template-placeholder',
    description: 'No template placeholder (`{add …}`, `[grade #]`) is left in the page.',
    severity: 'warning',
    tags: ['content'],
    fixable: false,
    docs: `The templates mark every place to fill in with \`{add …}\` and the grade with \`#\`. The guide:
"Fill in the sections of the template by replacing everything in \`{curly brackets}\`".
A placeholder left in the page is published as is. The snippets put a tab stop on each
one; "Job Family: Next Placeholder" jumps to the next.

Bad: \`- {add a bulleted list of responsibilities}\`, \`is a [grade #](…)\``,
  },
  check(ctx) {
    for (const p of ctx.model.placeholders) {
      if (p.kind !== 'add') continue;
      ctx.report({ range: p.range, message: `Template placeholder \`${shorten(p.text)}\` is still in the page: replace it with real text.` });
    }
    for (const level of ctx.model.levels) {
      if (level.section && /^role$/i.test(level.title.trim())) {
        ctx.report({ range: level.titleRange, message: 'The heading "Role" is the template\'s: write the position title.' });
      }
    }
    for (const g of ctx.model.grades) {
      if (g.grade !== undefined || g.form !== 'linked') continue;
      ctx.report({ range: g.link?.textRange ?? g.range, message: 'The grade is still the template\'s `#`: write the level\'s grade number.' });
    }
  },
};

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…}` : s;
}
