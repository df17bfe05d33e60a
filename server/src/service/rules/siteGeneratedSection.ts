import { effectiveKind, standardSection } from '../model/sections';
import type { Rule } from './types';

export const siteGeneratedSection: Rule = {
  meta: {
    id: 'JF017',
    alias: 'site-generated-section',
    description: 'The page does not write the Compensation or About GitLab sections the site adds.',
    severity: 'warning',
    tags: ['structure'],
    fixable: false,
  },
  check(ctx) {
    for (const s of ctx.model.sections) {
      const kind = effectiveKind(s);
      if (!s.heading || !kind || !standardSection(kind).siteGenerated) continue;
      ctx.report({ range: s.heading.textRange, message: `"${s.heading.text}" is added to every job-family page by the site: remove this section.` });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The guide: "The **Compensation** and **About GitLab** sections will auto-populate because of
the job family formatting." A hand-written copy shows twice and goes stale. Remove it.`;
