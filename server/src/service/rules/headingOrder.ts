import { effectiveKind, standardSection, type Section, type SectionKind } from '../model/sections';
import type { Rule } from './types';

/** Order of a level's (or a Template 2 role's) own subsections. */
const LEVEL_ORDER: Partial<Record<SectionKind, number>> = {
  'job-grade': 0,
  responsibilities: 1,
  requirements: 2,
  'nice-to-haves': 2.5,
  'performance-indicators': 3,
  'career-ladder': 4,
  'hiring-process': 5,
};

const FAMILY_LIST = 'Responsibilities, Requirements, Levels, Segment, Specialties, Performance Indicators, Career Ladder, Hiring Process';
const LEVEL_LIST = 'Job Grade, Responsibilities, Requirements, Performance Indicators';

export const headingOrder: Rule = {
  meta: {
    id: 'JF015',
    alias: 'heading-order',
    description: 'Standard sections follow the order of the templates.',
    severity: 'warning',
    tags: ['structure'],
    fixable: false,
    docs: `Readers compare job families side by side; the templates fix the order of the sections so
every page reads the same way:

- family-wide (\`##\`): ${FAMILY_LIST};
- inside a level or a Template 2 role: ${LEVEL_LIST}, then Career Ladder and Hiring Process.

The finding is on the first heading that comes too late. Sections the templates do not
name are ignored.`,
  },
  check(ctx) {
    const { model } = ctx;
    const levelSections = new Set(model.levels.map((l) => l.section).filter((s): s is Section => s !== undefined));
    const single = model.levels.length === 1 && !model.levels[0]!.section;
    for (const parent of model.sections) {
      const isLevel = levelSections.has(parent);
      const isRoot = parent.depth === 0;
      if (!isLevel && !isRoot) continue;
      const useLevelOrder = isLevel || single || model.layout === 'template-2';
      let highest: { rank: number; s: Section } | undefined;
      for (const child of parent.children) {
        const kind = effectiveKind(child);
        if (!kind || standardSection(kind).siteGenerated) continue;
        const rank = useLevelOrder ? LEVEL_ORDER[kind] : kind === 'job-grade' ? 2.9 : standardSection(kind).order;
        if (rank === undefined) continue;
        if (highest && rank < highest.rank) {
          ctx.report({
            range: child.heading!.textRange,
            message: `"${child.heading!.text}" comes after "${highest.s.heading!.text}": move it up to follow the template order (${useLevelOrder ? LEVEL_LIST : FAMILY_LIST}).`,
          });
        } else if (!highest || rank > highest.rank) {
          highest = { rank, s: child };
        }
      }
    }
  },
};
