import { effectiveKind, standardSection, type Section, type SectionKind } from '../model/sections';
import type { Rule } from './types';

const FAMILY_ORDER: ReadonlySet<SectionKind> = new Set(['responsibilities', 'requirements', 'levels', 'segment', 'specialties', 'performance-indicators', 'career-ladder', 'hiring-process']);

const FAMILY_LIST = 'Responsibilities, Requirements, Levels, Segment, Specialties, Performance Indicators, Career Ladder, Hiring Process';

export const headingOrder: Rule = {
  meta: {
    id: 'JF015',
    alias: 'heading-order',
    description: 'Standard sections follow the order of the templates.',
    severity: 'info',
    tags: ['structure'],
    fixable: false,
  },
  check(ctx) {
    const { model, family } = ctx;
    if (family.role === 'level' || model.layout === 'expertise') return;
    let highest: { rank: number; s: Section } | undefined;
    for (const child of model.sections[0]!.children) {
      const kind = effectiveKind(child);
      if (!kind || standardSection(kind).siteGenerated || !FAMILY_ORDER.has(kind)) continue;
      // A Template 2 role's sections written at `##` are the role's, not the family's.
      if (kind !== 'levels' && kind !== 'segment' && kind !== 'specialties' && !model.familyWide.includes(child)) continue;
      const rank = standardSection(kind).order;
      if (highest && rank < highest.rank) {
        ctx.report({
          range: child.heading!.textRange,
          message: `"${child.heading!.text}" comes after "${highest.s.heading!.text}": move it up to follow the template order (${FAMILY_LIST}).`,
        });
      } else if (!highest || rank > highest.rank) {
        highest = { rank, s: child };
      }
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Readers compare job families side by side, and the templates put the family-wide
(\`##\`) sections in one order: ${FAMILY_LIST}. The finding is on the first heading that comes
too late. Sections the templates do not name are ignored.

It is advice (info): the guide shows the order in its templates but does not require it, and
the handbook CI does not check it. Only the family-wide order of a page is checked: the order
inside a level varies between real pages without harm, and a split family's level files have
no family-wide sections.`;
