import type { JobFamilyModel } from '../model/model';
import type { Level } from '../model/roles';
import { effectiveKind, type Section } from '../model/sections';
import { namesMatch } from '../model/names';
import { insertLines, sectionText } from './helpers';
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
  },
  check(ctx) {
    const { model, family } = ctx;
    if (model.layout === 'expertise' || family.role === 'landing' || family.role === 'unknown') return;
    const isRequirements = (x: Section): boolean => effectiveKind(x) === 'requirements' || x.alsoKind === 'requirements';
    // What applies to every role: this page's family-wide Requirements, and for a level file its _index.md's.
    const familyWide = model.familyWide.filter(isRequirements);
    const index = family.role === 'level' ? family.members[0] : undefined;
    const indexWide = index && index !== model ? index.familyWide.filter(isRequirements) : [];
    if (familyWide.some((x) => hasAbility(model, x)) || indexWide.some((x) => index !== undefined && hasAbility(index, x))) return;
    const roles = model.levels.filter((r) => r.kind !== 'page' || model.layout === 'single-role' || family.role === 'level');
    // Roles of the family's other files, which a level may extend ("Extends the Manager requirements" in senior-manager.md).
    const others = family.members.filter((m) => m !== model).flatMap((m) => m.levels.map((r) => ({ m, r })));
    const ownRequirements = (r: Level): Section[] => r.parts.filter(isRequirements);
    const uncovered = roles.filter((r) => !covered(model, r, roles, ownRequirements, new Set(), others));
    // With no roles yet, the family-wide Requirements are where every future level is covered.
    if (!uncovered.length && (roles.length || !familyWide.length)) return;
    // No Requirements anywhere in the family: JF012 says that.
    if (!familyWide.length && !indexWide.length && family.members.every((m) => !m.sections.some(isRequirements))) return;
    // On a single-role page or a split family's level file, the page's Requirements are the role's own.
    const pageIsRole = model.layout === 'single-role' || family.role === 'level';
    const target = pageIsRole ? undefined : familyWide[0];
    if (target?.heading) {
      // One place covers every role: say it once, there.
      ctx.report({
        range: target.heading.textRange,
        message: `The family-wide Requirements do not say "Ability to use GitLab"${uncovered.length === roles.length ? '' : `, and ${uncovered.length} of the ${roles.length} roles do not either`}: the handbook CI requires it for every role. Add it here as a bullet.`,
        fix: { kind: 'safe', title: 'Add "- Ability to use GitLab"', edits: [abilityEdit(model, target)] },
      });
      return;
    }
    for (const r of uncovered) {
      const own = ownRequirements(r)[0] ?? (pageIsRole ? familyWide[0] : undefined);
      ctx.report({
        range: own?.heading?.textRange ?? r.titleRange,
        message: own
          ? `The Requirements of "${r.title}" do not say "Ability to use GitLab", which the handbook CI requires for every role: add it as a bullet.`
          : `"${r.title}" has no Requirements, so nothing says "Ability to use GitLab", which the handbook CI requires for every role: add its Requirements with that bullet.`,
        fix: own ? { kind: 'safe', title: 'Add "- Ability to use GitLab"', edits: [abilityEdit(model, own)] } : undefined,
      });
    }
  },
};

const EXTENDS = /\b(?:extends?|exends|in addition to|builds? on|on top of|everything in|(?:match(?:es)?|same as|as for|identical to)\s+(?:those|that)\s+(?:of|for)|same as)\b/i;
/** The role an "Extends …" line names: what follows the verb, up to "requirements", "level" or the end. */
const EXTENDED_NAME = /\b(?:extends?|exends|in addition to|builds? on|on top of|everything in|match(?:es)?|same as|as for|identical to)\s+(?:(?:those|that|all)\s+(?:of|for)\s+)?(?:the\s+)?(.{3,120}?)(?:['’]s)?(?:\s+(?:requirements?|level|role|position|job))?\s*(?:[.,;:]|$)/i;

/**
 * A role's Requirements cover it when they say it, or when they extend another role's: the
 * guide's own advice is to write "Extends the <lower level> requirements" instead of repeating
 * them. Following the chain of extended roles, a role is covered when the chain reaches one
 * that says it, or one that extends nothing: that role is reported, and fixing it covers the
 * roles that extend it. A chain that comes back on itself covers nothing. A role on another
 * page, or a page linked to, cannot be followed from here, so it counts as covered.
 */
function covered(model: JobFamilyModel, r: Level, roles: readonly Level[], own: (r: Level) => Section[], seen: Set<Level>, others: readonly { m: JobFamilyModel; r: Level }[]): boolean {
  const end = chainEnd(model, r, roles, own, seen, others);
  return end === 'covered' || (end !== 'cycle' && end !== r);
}

function chainEnd(model: JobFamilyModel, r: Level, roles: readonly Level[], own: (r: Level) => Section[], seen: Set<Level>, others: readonly { m: JobFamilyModel; r: Level }[]): 'covered' | 'cycle' | Level {
  const reqs = own(r);
  if (reqs.some((x) => hasAbility(model, x))) return 'covered';
  if (seen.has(r)) return 'cycle';
  seen.add(r);
  let circle = false;
  const places = reqs.map((x) => ({ from: x.bodyStartLine, to: x.endLine, text: sectionText(model, x) }));
  const intro = roleIntro(model, r);
  if (intro) places.push(intro);
  for (const x of places) {
    const text = x.text;
    if (!EXTENDS.test(text)) continue;
    if (model.links.some((l) => l.line >= x.from && l.line < x.to && (l.kind === 'job-family' || l.kind === 'handbook') && l.path)) return 'covered';
    const lower = text.toLowerCase();
    const names = text.split(/\r?\n/).flatMap((line) => {
      const m = EXTENDED_NAME.exec(line.replace(/^\s*(?:[-*+]|\d+[.)])\s+/, ''));
      return m?.[1] ? [m[1].trim()] : [];
    });
    const isNamed = (title: string): boolean => {
      const bare = title.replace(/\s*\(intermediate\)\s*$/i, '');
      return (bare !== '' && lower.includes(bare.toLowerCase())) || names.some((n) => namesMatch(n, title));
    };
    const named = roles.filter((o) => o !== r && isNamed(o.title));
    const lowerLevel = roles.slice(0, roles.indexOf(r)).reverse().find((o) => o.ladder === r.ladder);
    const sources = named.length ? named : names.some((n) => namesMatch(n, r.title)) ? [] : lowerLevel ? [lowerLevel] : [];
    for (const o of sources) {
      const end = chainEnd(model, o, roles, own, seen, others);
      if (end !== 'cycle') return end;
      circle = true;
    }
    // A level of another file of the family, named by its title: that page answers for it.
    // Requirements that name only their own role ("Extends the Intermediate … requirements" in
    // the Intermediate file) extend nothing.
    const selfOnly = names.length > 0 && names.every((n) => namesMatch(n, r.title));
    if (!selfOnly && others.some(({ r: o }) => o.title && isNamed(o.title))) return 'covered';
  }
  return circle ? 'cycle' : r;
}

/**
 * The lines between a role's heading and its first section, when they say the role shares
 * another's requirements ("… shares the same requirements and responsibilities as the
 * Intermediate Specialist, with the addition of the following").
 */
function roleIntro(model: JobFamilyModel, r: Level): { from: number; to: number; text: string } | undefined {
  const s = r.section;
  if (!s?.heading) return undefined;
  const to = s.children[0]?.startLine ?? s.endLine;
  const lines: string[] = [];
  for (let n = s.bodyStartLine; n < to; n++) lines.push(model.lines.line(n));
  const text = lines.join('\n');
  return SHARES_REQUIREMENTS.test(text) ? { from: s.bodyStartLine, to, text: text.replace(SHARES_REQUIREMENTS, 'same as') } : undefined;
}

const SHARES_REQUIREMENTS = /\b(?:shares?|has|have)\s+the\s+same\s+requirements\b(?:\s+and\s+responsibilities)?\s+as\b/i;

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

/** The body of the rule's page (docs/rules/), kept out of the rule so bundles that do not show it leave it out. */
export const docs = `The handbook CI requires "every role must have \`Ability to use GitLab\` as a bullet point"
under Requirements. A role is covered by its own Requirements, or by family-wide
Requirements that apply to every level: the \`## Requirements\` before the levels of a
Template 1 page, or the \`_index.md\` of a split family.

- When the page has family-wide Requirements without it, that is reported once, there:
  adding it there covers every level.
- Otherwise each role that does not say it is reported at its own Requirements (a Template 2
  page repeats it in each role, as the template does).

Requirements that extend another level's ("Extends the Senior Tax Analyst requirements", the
guide's own advice) are covered by that level: when its Requirements do not say it either,
the finding is there, where one bullet covers both. Extending a level of another page of the
family is taken as covered, since that page is checked on its own. Levels that extend each
other in a circle are reported.

The fix adds \`- Ability to use GitLab\` as the first bullet of that Requirements list (safe:
the sentence is the one the CI asks for).

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
\`\`\``;
