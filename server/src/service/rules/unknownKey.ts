import keyData from '../data/front-matter-keys.json';
import { closest } from '../util/distance';
import type { Rule } from './types';

const KNOWN = keyData.keys.map((k) => k.key);

export const unknownKey: Rule = {
  meta: {
    id: 'JF007',
    alias: 'front-matter-unknown-key',
    description: 'Front-matter keys are ones the handbook uses.',
    severity: 'warning',
    tags: ['front-matter'],
    fixable: true,
  },
  check(ctx) {
    for (const e of ctx.model.frontMatter?.entries ?? []) {
      if (KNOWN.includes(e.key) || /^twitter_/.test(e.key)) continue;
      const guess = closest(e.key, KNOWN, (k) => k, Math.min(3, Math.max(1, Math.floor(e.key.length / 4))));
      if (/\s/.test(e.key)) {
        ctx.report({ range: e.keyRange, message: `\`${e.key}\` is not a front-matter key: a value was probably broken across lines; join it to the line above and quote it.` });
      } else if (guess) {
        ctx.report({
          range: e.keyRange,
          message: `Unknown front-matter key \`${e.key}\`: did you mean \`${guess}\`?`,
          fix: { kind: 'suggestion', title: `Rename to \`${guess}\``, edits: [{ range: e.keyRange, newText: guess }] },
        });
      } else {
        ctx.report({ range: e.keyRange, message: `Unknown front-matter key \`${e.key}\`: Hugo ignores it; remove it or use one of the handbook's keys.` });
      }
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `Hugo silently ignores keys it does not know, so a misspelt key (\`tilte\`,
\`descripton\`) loses its value without any error. A key that looks like a sentence
usually means a quoted value was broken across lines. When the key is close to a known
one, the fix renames it.

Known keys: ${KNOWN.filter((k) => k !== 'layout').map((k) => `\`${k}\``).join(', ')}.

Bad:

\`\`\`yaml
descripton: "Tax roles."
\`\`\`

Good:

\`\`\`yaml
description: "Tax roles."
\`\`\``;
