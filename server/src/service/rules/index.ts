import { abilityToUseGitlab } from './abilityToUseGitlab';
import { anchorCase } from './anchorCase';
import { blankLines } from './blankLines';
import { blankValue } from './blankValue';
import { brokenAnchor } from './brokenAnchor';
import { brokenLink } from './brokenLink';
import { bulletStyle } from './bulletStyle';
import { descriptionRecommended } from './descriptionRecommended';
import { emptySection } from './emptySection';
import { fileName } from './fileName';
import { finalNewline } from './finalNewline';
import { frontMatterInvalid } from './frontMatterInvalid';
import { frontMatterMissing } from './frontMatterMissing';
import { frontMatterSpacing } from './frontMatterSpacing';
import { genderCodedLanguage } from './genderCodedLanguage';
import { genderedPronoun } from './genderedPronoun';
import { gradeExists } from './gradeExists';
import { gradeHeading } from './gradeHeading';
import { gradeLink } from './gradeLink';
import { gradeOrder } from './gradeOrder';
import { gradeSentenceLevel } from './gradeSentenceLevel';
import { headingOrder } from './headingOrder';
import { headingSpelling } from './headingSpelling';
import { layoutObsolete } from './layoutObsolete';
import { legacyUrl } from './legacyUrl';
import { levelGradeMissing } from './levelGradeMissing';
import { levelHeadingMatch } from './levelHeadingMatch';
import { levelStructure } from './levelStructure';
import { locationRequirement } from './locationRequirement';
import { malformedLink } from './malformedLink';
import { misusedTerm } from './misusedTerm';
import { noH1 } from './noH1';
import { notCheckable } from './notCheckable';
import { performanceIndicatorCount } from './performanceIndicatorCount';
import { placeholder } from './placeholder';
import { relativeLink } from './relativeLink';
import { reportsTo } from './reportsTo';
import { requiredSection } from './requiredSection';
import { siteGeneratedSection } from './siteGeneratedSection';
import { tbd } from './tbd';
import { titleMissing } from './titleMissing';
import { trailingWhitespace } from './trailingWhitespace';
import { unknownKey } from './unknownKey';
import { vacancyWording } from './vacancyWording';
import { yearsOfExperience } from './yearsOfExperience';
import type { Rule } from './types';

/** Every rule, in code order. Docs, settings schema, README table and `--list-rules` come from here. */
export const RULES: readonly Rule[] = [
  frontMatterMissing,
  frontMatterInvalid,
  titleMissing,
  blankValue,
  frontMatterSpacing,
  layoutObsolete,
  unknownKey,
  descriptionRecommended,
  fileName,
  notCheckable,
  noH1,
  requiredSection,
  abilityToUseGitlab,
  headingSpelling,
  headingOrder,
  emptySection,
  siteGeneratedSection,
  levelHeadingMatch,
  gradeExists,
  gradeLink,
  gradeOrder,
  gradeSentenceLevel,
  levelGradeMissing,
  placeholder,
  tbd,
  performanceIndicatorCount,
  vacancyWording,
  genderedPronoun,
  genderCodedLanguage,
  yearsOfExperience,
  locationRequirement,
  reportsTo,
  legacyUrl,
  relativeLink,
  malformedLink,
  anchorCase,
  brokenAnchor,
  brokenLink,
  trailingWhitespace,
  finalNewline,
  blankLines,
  bulletStyle,
  misusedTerm,
  levelStructure,
  gradeHeading,
];

export function findRule(codeOrAlias: string): Rule | undefined {
  const key = codeOrAlias.toLowerCase();
  return RULES.find((r) => r.meta.id.toLowerCase() === key || r.meta.alias === key);
}

export type { Rule, RuleMeta, Severity, SeveritySetting, Finding, Fix, RuleTag } from './types';
