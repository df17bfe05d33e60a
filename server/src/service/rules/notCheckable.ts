import type { Rule } from './types';

export const notCheckable: Rule = {
  meta: {
    id: 'JF010',
    alias: 'not-checkable',
    description: 'The file is text of a size that can be checked.',
    severity: 'warning',
    tags: ['file'],
    fixable: false,
  },
  check(ctx) {
    const reason = ctx.model.unreadable;
    if (!reason) return;
    ctx.report({ range: ctx.model.lines.lineRange(0), message: reason, severity: ctx.model.failed ? 'info' : undefined });
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `A job-family page is a few kilobytes of Markdown (the largest real one is under 40 KB).
A file that is binary, or larger than the check limit, is not a job-family page: it is
reported once and nothing else is checked, so the editor stays responsive and nothing in
the file is misread.`;
