import type { Rule } from './types';

export const levelStructure: Rule = {
  meta: {
    id: 'JF044',
    alias: 'level-structure',
    description: 'Every level has its own heading, one level above its Job Grade, Responsibilities and Requirements, and they name the same role.',
    severity: 'warning',
    tags: ['structure'],
    fixable: true,
  },
  check(ctx) {
    if (ctx.model.layout === 'expertise') return;
    // The templates write `## Levels` at the top of the page; below an overview heading, or as
    // `###` with nothing above it, the levels are filed one step too deep.
    for (const s of ctx.model.sections) {
      if (!s.heading || s.kind !== 'levels' || s.depth < 3 || !s.children.length) continue;
      const parent = s.parent;
      const underRole = ctx.model.levels.some((l) => l.section === parent) || parent?.kind !== undefined;
      if (underRole) continue;
      ctx.report({
        range: s.heading.textRange,
        message: `"${s.heading.text}" is ${'#'.repeat(s.depth)}${parent?.heading ? ` under "${parent.heading.text}"` : ''}, where the templates write \`## Levels\` with each level \`###\` below it: move the levels up one step.`,
      });
    }
    for (const p of ctx.model.structureProblems) {
      ctx.report({
        range: p.range,
        message: p.message,
        fix: p.fix ? { kind: p.kind === 'part-depth' && !p.suggestion ? 'safe' : 'suggestion', title: p.fix.title, edits: p.fix.edits } : undefined,
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `A level is a heading (\`### Senior Backend Engineer\` under \`## Levels\`) with its own
sections one level below it (\`#### Senior Backend Engineer Job Grade\`, \`… Responsibilities\`,
\`… Requirements\`). When that shape breaks, one finding says what broke, at the place to fix,
instead of one finding per section:

- **A missing level heading**: \`#### Principal … Job Grade\` after \`### Staff …\` already has
  its Job Grade (the Principal level has no heading), or \`### Lead … Job Grade\` written where
  the level heading should be. The fix (a suggestion) adds the heading with the name the
  sections use.
- **Sections at the level's own depth**: \`### X Job Grade\` right after \`### X\` makes the
  Job Grade a sibling, not part of the level. The fix adds the missing \`#\` (safe).
- **Levels filed too deep**: \`### Levels\` at the top of the page or under an overview
  heading, where the templates write \`## Levels\`. There is no fix: every level below it
  moves too.
- **A heading and its sections that name another role**: \`### Content Writer\` whose sections
  are all \`Content Marketing Associate …\`. Which name is right is the author's call, so
  there is no fix.`;
