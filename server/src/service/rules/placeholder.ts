import type { Rule } from './types';

export const placeholder: Rule = {
  meta: {
    id: 'JF024',
    alias: 'template-placeholder',
    description: 'No template text is left in the page: `{add …}` or other text in braces, `[grade #]`, "Role" headings, "the Title job family".',
    severity: 'warning',
    tags: ['content'],
    fixable: true,
  },
  check(ctx) {
    for (const p of ctx.model.placeholders) {
      if (p.kind === 'add' || p.kind === 'braced') {
        ctx.report({ range: p.range, message: `Template text \`${shorten(p.text)}\` is still in the page: replace it with real text.` });
      } else if (p.kind === 'title') {
        ctx.report({ range: p.range, message: `"${p.text}" is the template's: write the job family's name.` });
      }
    }
    // Template 2 titles each role "## Role": with one role that is the page's own heading; with
    // several, a reader cannot tell them apart.
    const roles = ctx.model.levels.filter((l) => l.section);
    for (const level of roles.length > 1 ? roles : []) {
      if (/^role$/i.test(level.title.trim())) {
        ctx.report({ range: level.titleRange, message: 'The heading "Role" is the template\'s: write the position title.' });
      }
    }
    for (const g of ctx.model.grades) {
      const link = g.link;
      if (g.grade === undefined && g.form === 'linked') {
        ctx.report({ range: link?.textRange ?? g.range, message: 'The grade is still the template\'s `#`: write the level\'s grade number.' });
        continue;
      }
      // `[grade #9]`: the number was typed after the template's `#` instead of replacing it.
      const hash = link && g.grade !== undefined ? /#\s*(?=\d)/.exec(link.text) : null;
      if (hash && link) {
        const col = link.textRange.start.character + hash.index;
        const r = { start: { line: link.textRange.start.line, character: col }, end: { line: link.textRange.start.line, character: col + hash[0].length } };
        ctx.report({ range: r, message: `The template's \`#\` is still in \`[${link.text}]\`: write \`[grade ${g.grade}]\`.`, fix: { kind: 'safe', title: 'Remove the #', edits: [{ range: r, newText: '' }] } });
      }
    }
  },
};

function shorten(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}…}` : s;
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The templates mark every place to fill in with \`{add …}\` and the grade with \`#\`. The guide:
"Fill in the sections of the template by replacing everything in \`{curly brackets}\`".
A placeholder left in the page is published as is. Placeholders come in more shapes than
\`{add …}\`: any text in braces in the prose (\`{Insert hiring process steps here.}\`,
\`The {Security Research Manager} is a …\`; not \`{#id}\` or \`{.class}\` attributes, code or
shortcodes), a grade typed after the template's \`#\` (\`[grade #9]\`, fixed safely to
\`[grade 9]\`), a level heading left as "Role", and "the Title job family". The snippets put a
tab stop on each one; "Job Family: Next Placeholder" jumps to the next.

Bad: \`- {add a bulleted list of responsibilities}\`, \`is a [grade #](…)\``;
