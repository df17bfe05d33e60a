import { perLine } from '../model/memo';
import data from '../data/language.json';
import { range } from '../model/lines';
import { effectiveKind, type Section } from '../model/sections';
import type { Rule } from './types';

const REGION = new RegExp(`\\b(?:${data.regions.map((r) => r.replace(/[-\s]/g, '[-\\s]')).join('|')})\\b`, 'g');
const PLACE = /\b(?:(?:must|should)\s+(?:be\s+)?(?:based|located|reside|live)|(?:based|located|residing|resident)\s+in|(?:must|should)\s+(?:live|reside)\s+in|within\s+(?:the\s+)?[A-Z]{2,5}\s+time\s*zones?)\b/gi;

interface Place {
  readonly index: number;
  readonly text: string;
}

/** The first place a line makes a requirement of (a phrase before a region), or null. */
function placeIn(line: string): Place | null {
  for (const re of [PLACE, REGION]) {
    re.lastIndex = 0;
    const m = re.exec(line);
    if (m) return { index: m.index, text: m[0] };
  }
  return null;
}

function inRequirements(s: Section): boolean {
  for (let p: Section | undefined = s; p; p = p.parent) if (effectiveKind(p) === 'requirements') return true;
  return false;
}

export const locationRequirement: Rule = {
  meta: {
    id: 'JF031',
    alias: 'location-requirement',
    description: 'Requirements do not restrict where the person lives (EMEA, Americas, APAC, "based in").',
    severity: 'warning',
    tags: ['language'],
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.prose) {
      if (!inRequirements(p.section) || p.block === 'heading') continue;
      const m = perLine(model, PLACE, p.text, placeIn);
      if (!m) continue;
      ctx.report({
        range: range(p.line, p.col + m.index, p.line, p.col + m.index + m.text.length),
        message: `"${m.text}" makes location a requirement, which job families leave out because it changes over time: remove it.`,
      });
    }
  },
};

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The guide: "We don't include location requirements for most roles (EMEA, Americas, APAC)
in the job family because these can change over time and job families are constant."
Regions and phrases such as "based in" or "must reside in" are reported inside
Requirements sections; a region elsewhere (a sales territory in a description) is fine.

Bad: \`- Must be based in EMEA\``;
