import type { Rule } from './types';

const REPORTS = /\breports?\s+(?:in)?to\b|\breporting\s+to\b|\breports\s+directly\b/i;

export const reportsTo: Rule = {
  meta: {
    id: 'JF032',
    alias: 'reports-to',
    description: 'Each level says whom it reports to.',
    severity: 'info',
    tags: ['content'],
    fixable: false,
  },
  check(ctx) {
    const { model, family } = ctx;
    if (model.layout === 'expertise') return;
    for (const level of model.levels) {
      if (level.headingless) continue;
      const from = level.kind === 'page' ? model.bodyStartLine : level.startLine;
      const to = level.kind === 'page' ? model.lines.lineCount : level.endLine;
      let found = false;
      for (let n = from; n < to && !found; n++) found = REPORTS.test(model.lines.line(n));
      if (found) continue;
      if (level.kind === 'page' && family.role === 'level' && family.members.some((m) => m !== model && m.prose.some((p) => REPORTS.test(p.text)))) continue;
      ctx.report({ range: level.titleRange, message: `"${level.title}" does not say whom it reports to: add "The ${level.title} reports to the …".` });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Both templates open each level or role with \`The <position> reports to the <manager>\`,
linked to the manager's job family or heading. It tells a reader where the role sits.
A level of a split family may say it in its own file or in the family's \`_index.md\`.`;
