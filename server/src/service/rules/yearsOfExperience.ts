import { perLine } from '../model/memo';
import { range } from '../model/lines';
import type { Level } from '../model/roles';
import { effectiveKind, type Section } from '../model/sections';
import type { Rule } from './types';

const NUMBER = '(?:\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen)';
const YEARS = new RegExp(
  `\\b${NUMBER}(?:\\s*(?:-|–|to)\\s*${NUMBER})?\\s*\\+?\\s*(?:or\\s+more\\s+|plus\\s+)?years?(?:['’]s?)?\\s+(?:(?:of\\s+)?(?:[\\w/&,-]+\\s+){0,5}?(?:experience|background|work)|(?:leading|managing|working|building|running|developing|designing|selling|supporting|owning|delivering)\\b)`,
  'gi',
);

export const yearsOfExperience: Rule = {
  meta: {
    id: 'JF030',
    alias: 'years-of-experience',
    description: 'Requirements avoid a number of years of experience, and have none at grades 4 and 5.',
    severity: 'info',
    tags: ['language'],
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    for (const p of model.prose) {
      const found = perLine(model, YEARS_IN, p.text, yearsIn);
      if (!found) continue;
      // At grade 4 or 5 the guide asks for no prior experience at all, years or not.
      if (found.prior) {
        const at = found.prior;
        if (found.niceToHave || !inRequirements(p.section)) continue;
        const grade = gradeAt(model.levels, p.line);
        if (grade === undefined || grade > 5) continue;
        ctx.report({
          range: range(p.line, p.col + at.index, p.line, p.col + at.index + at.text.length),
          message: `"${at.text.trim()}" asks for prior experience at grade ${grade}, where the guide asks for none: describe what the role learns or does instead.`,
          severity: 'warning',
        });
        continue;
      }
      for (const m of found.years) {
        const grade = gradeAt(model.levels, p.line);
        const junior = grade !== undefined && grade <= 5;
        ctx.report({
          range: range(p.line, p.col + m.index, p.line, p.col + m.index + m.text.length),
          message: junior
            ? `"${m.text.trim()}" asks for years of experience at grade ${grade}, where the guide asks for none: remove it.`
            : `"${m.text.trim()}" asks for a number of years: describe the relevant, progressive experience instead unless the years are directly relevant.`,
          severity: junior ? 'warning' : undefined,
        });
      }
    }
  },
};

interface Match {
  readonly index: number;
  readonly text: string;
}

/** What a prose line says of experience: numbers of years when it names years, else prior experience. */
interface YearsFound {
  readonly years: readonly Match[];
  readonly prior: Match | undefined;
  readonly niceToHave: boolean;
}

/** The line memo's key for `yearsIn`. */
const YEARS_IN = {};

/** Worked out from the line's text alone: kept for the lines an edit left alone. Null: nothing to report. */
function yearsIn(text: string): YearsFound | null {
  if (!/year/i.test(text)) {
    const at = PRIOR_EXPERIENCE.exec(text);
    return at ? { years: [], prior: { index: at.index, text: at[0] }, niceToHave: NICE_TO_HAVE.test(text) } : null;
  }
  const years = [...text.matchAll(YEARS)].map((m) => ({ index: m.index, text: m[0] }));
  return years.length ? { years, prior: undefined, niceToHave: false } : null;
}

/** "Experience with …" opening a requirement, or prior, previous or professional experience anywhere in it. */
const PRIOR_EXPERIENCE = /^[\s\W]*experience\s+(?:with|in|using|of|working|as)\b|\b(?:prior|previous|professional)\s+experience\b/i;
/** A plus is not a requirement. */
const NICE_TO_HAVE = /\b(?:a plus|nice[- ]to[- ]have|preferred|desirable|bonus)\b/i;

function inRequirements(s: Section | undefined): boolean {
  for (let x = s; x; x = x.parent) {
    const kind = effectiveKind(x);
    if (kind === 'requirements' || x.alsoKind === 'requirements') return true;
    if (kind !== undefined) return false;
  }
  return false;
}

function gradeAt(levels: readonly Level[], line: number): number | undefined {
  const level = levels.find((l) => (l.section ? line >= l.section.startLine && line < l.section.endLine : true));
  return level?.grade?.grade;
}

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The guide: "We don't include a specific number of years of experience unless they are
directly relevant … we instead say that a person … should be able to show 'relevant,
progressive experience' and then define what constitutes relevant, progressive
experience." And: "For grade 4 & 5 roles, we avoid listing any kind of prior experience
requirements." A number of years is reported as advice (info); at grade 4 or 5 it is a
warning, and so is any other prior experience a requirement asks for there ("Experience
with …", "prior experience …"; not what is only "a plus").

Bad: \`- 5+ years of experience in accounts payable\`

Good: \`- Relevant, progressive experience running accounts payable for a growing company\``;
