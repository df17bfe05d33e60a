import type { JobFamilyModel } from '../model/model';
import type { Section } from '../model/sections';
import { insertLines, sectionText, sectionsOfKind } from './helpers';
import type { Rule } from './types';

const ABILITY = /\b(?:ability|able) to use gitlab\b/i;

export function hasAbility(model: JobFamilyModel, s: Section): boolean {
  return ABILITY.test(sectionText(model, s));
}

export const abilityToUseGitlab: Rule = {
  meta: {
    id: 'JF013',
    alias: 'ability-to-use-gitlab',
    description: 'Requirements include "Ability to use GitLab" for every role.',
    severity: 'error',
    tags: ['ci', 'content'],
    fixable: true,
    docs: `The handbook CI requires "every role must have \`Ability to use GitLab\` as a bullet point"
under Requirements. The finding is reported once per family, when none of its Requirements
sections says it (in a split family, any of its files may). Put it in the family-wide
\`## Requirements\` so it covers every level; in a Template 2 family repeat it in each role,
as the template does.

The fix adds \`- Ability to use GitLab\` as the first bullet of the family-wide Requirements
list (or of the first Requirements section).

Bad:

\`\`\`markdown
## Requirements

- Experience with Ruby on Rails
\`\`\`

Good:

\`\`\`markdown
## Requirements

- Ability to use GitLab
- Experience with Ruby on Rails
\`\`\``,
  },
  check(ctx) {
    const { model, family } = ctx;
    if (!family.checksFamily) return;
    const all = family.members.flatMap((m) => sectionsOfKind(m, 'requirements').map((s) => ({ m, s })));
    if (!all.length) return; // JF012 reports the missing section
    if (all.some(({ m, s }) => hasAbility(m, s))) return;
    const mine = sectionsOfKind(model, 'requirements');
    const inLevel = (s: Section): boolean => model.levels.some((l) => l.section && s.startLine > l.section.startLine && s.endLine <= l.section.endLine);
    const target = mine.find((s) => !inLevel(s)) ?? mine[0];
    ctx.report({
      range: target?.heading?.textRange ?? model.titleRange,
      message: 'No Requirements section says "Ability to use GitLab", which the handbook CI requires for every role: add it as a bullet.',
      fix: target ? { kind: 'safe', title: 'Add "- Ability to use GitLab"', edits: [abilityEdit(model, target)] } : undefined,
    });
  },
};

function abilityEdit(model: JobFamilyModel, s: Section) {
  const end = s.children[0]?.startLine ?? s.endLine;
  const first = model.listItems.find((li) => li.line >= s.bodyStartLine && li.line < end && li.depth === 0);
  if (first) {
    const indent = model.lines.line(first.line).slice(0, first.markerRange.start.character);
    const marker = first.ordered ? first.marker.replace(/^\d+/, '1') : first.marker;
    return insertLines(model, first.line, [`${indent}${marker} Ability to use GitLab`]);
  }
  return insertLines(model, s.bodyStartLine, ['', '- Ability to use GitLab']);
}
