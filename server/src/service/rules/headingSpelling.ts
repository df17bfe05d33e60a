import type { Rule } from './types';

export const headingSpelling: Rule = {
  meta: {
    id: 'JF014',
    alias: 'heading-spelling',
    description: 'Standard section headings are spelled as in the templates.',
    severity: 'warning',
    tags: ['structure'],
    fixable: true,
  },
  check(ctx) {
    for (const s of ctx.model.sections) {
      const m = s.misspelling;
      if (!m) continue;
      // "## Level" over the page's one level is English, not a misspelling; it is read as Levels.
      if (m.expected === 'Levels' && /^level$/i.test(m.written) && s.children.length <= 1) continue;
      ctx.report({
        range: m.range,
        message: `"${m.written}" looks like a misspelling of the standard heading "${m.expected}": correct it so the section is recognised.`,
        fix: { kind: 'safe', title: `Change to "${m.expected}"`, edits: [{ range: m.range, newText: m.expected }] },
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `A misspelt standard heading ("Responsibilites", "Specialities", "Performance Indicator") is
not recognised as that section by people scanning the page, by search, or by the handbook
CI's check for required sections. The fix replaces the misspelt words with the template's
spelling and keeps the level prefix.

Bad: \`#### Senior Responsibilites\`

Good: \`#### Senior Responsibilities\``;
