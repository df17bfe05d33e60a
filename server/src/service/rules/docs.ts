// The body of each rule's documentation page, by rule code: for `npm run generate` and the
// CLI's SARIF report. The language service never imports it, so bundles without those leave it out.
import { RULES } from './index';
import { docs as abilityToUseGitlabDocs, abilityToUseGitlab } from './abilityToUseGitlab';
import { docs as anchorCaseDocs, anchorCase } from './anchorCase';
import { docs as blankLinesDocs, blankLines } from './blankLines';
import { docs as blankValueDocs, blankValue } from './blankValue';
import { docs as brokenAnchorDocs, brokenAnchor } from './brokenAnchor';
import { docs as brokenLinkDocs, brokenLink } from './brokenLink';
import { docs as bulletStyleDocs, bulletStyle } from './bulletStyle';
import { docs as descriptionRecommendedDocs, descriptionRecommended } from './descriptionRecommended';
import { docs as emptySectionDocs, emptySection } from './emptySection';
import { docs as fileNameDocs, fileName } from './fileName';
import { docs as finalNewlineDocs, finalNewline } from './finalNewline';
import { docs as frontMatterInvalidDocs, frontMatterInvalid } from './frontMatterInvalid';
import { docs as frontMatterMissingDocs, frontMatterMissing } from './frontMatterMissing';
import { docs as frontMatterSpacingDocs, frontMatterSpacing } from './frontMatterSpacing';
import { docs as genderCodedLanguageDocs, genderCodedLanguage } from './genderCodedLanguage';
import { docs as genderedPronounDocs, genderedPronoun } from './genderedPronoun';
import { docs as gradeExistsDocs, gradeExists } from './gradeExists';
import { docs as gradeHeadingDocs, gradeHeading } from './gradeHeading';
import { docs as gradeLinkDocs, gradeLink } from './gradeLink';
import { docs as gradeOrderDocs, gradeOrder } from './gradeOrder';
import { docs as gradeSentenceLevelDocs, gradeSentenceLevel } from './gradeSentenceLevel';
import { docs as headingOrderDocs, headingOrder } from './headingOrder';
import { docs as headingSpellingDocs, headingSpelling } from './headingSpelling';
import { docs as layoutObsoleteDocs, layoutObsolete } from './layoutObsolete';
import { docs as legacyUrlDocs, legacyUrl } from './legacyUrl';
import { docs as levelGradeMissingDocs, levelGradeMissing } from './levelGradeMissing';
import { docs as levelHeadingMatchDocs, levelHeadingMatch } from './levelHeadingMatch';
import { docs as levelStructureDocs, levelStructure } from './levelStructure';
import { docs as locationRequirementDocs, locationRequirement } from './locationRequirement';
import { docs as malformedLinkDocs, malformedLink } from './malformedLink';
import { docs as misusedTermDocs, misusedTerm } from './misusedTerm';
import { docs as noH1Docs, noH1 } from './noH1';
import { docs as notCheckableDocs, notCheckable } from './notCheckable';
import { docs as performanceIndicatorCountDocs, performanceIndicatorCount } from './performanceIndicatorCount';
import { docs as placeholderDocs, placeholder } from './placeholder';
import { docs as relativeLinkDocs, relativeLink } from './relativeLink';
import { docs as reportsToDocs, reportsTo } from './reportsTo';
import { docs as requiredSectionDocs, requiredSection } from './requiredSection';
import { docs as siteGeneratedSectionDocs, siteGeneratedSection } from './siteGeneratedSection';
import { docs as tbdDocs, tbd } from './tbd';
import { docs as titleMissingDocs, titleMissing } from './titleMissing';
import { docs as trailingWhitespaceDocs, trailingWhitespace } from './trailingWhitespace';
import { docs as unknownKeyDocs, unknownKey } from './unknownKey';
import { docs as vacancyWordingDocs, vacancyWording } from './vacancyWording';
import { docs as yearsOfExperienceDocs, yearsOfExperience } from './yearsOfExperience';

const DOCS: ReadonlyMap<string, string> = new Map([
  [abilityToUseGitlab.meta.id, abilityToUseGitlabDocs],
  [anchorCase.meta.id, anchorCaseDocs],
  [blankLines.meta.id, blankLinesDocs],
  [blankValue.meta.id, blankValueDocs],
  [brokenAnchor.meta.id, brokenAnchorDocs],
  [brokenLink.meta.id, brokenLinkDocs],
  [bulletStyle.meta.id, bulletStyleDocs],
  [descriptionRecommended.meta.id, descriptionRecommendedDocs],
  [emptySection.meta.id, emptySectionDocs],
  [fileName.meta.id, fileNameDocs],
  [finalNewline.meta.id, finalNewlineDocs],
  [frontMatterInvalid.meta.id, frontMatterInvalidDocs],
  [frontMatterMissing.meta.id, frontMatterMissingDocs],
  [frontMatterSpacing.meta.id, frontMatterSpacingDocs],
  [genderCodedLanguage.meta.id, genderCodedLanguageDocs],
  [genderedPronoun.meta.id, genderedPronounDocs],
  [gradeExists.meta.id, gradeExistsDocs],
  [gradeHeading.meta.id, gradeHeadingDocs],
  [gradeLink.meta.id, gradeLinkDocs],
  [gradeOrder.meta.id, gradeOrderDocs],
  [gradeSentenceLevel.meta.id, gradeSentenceLevelDocs],
  [headingOrder.meta.id, headingOrderDocs],
  [headingSpelling.meta.id, headingSpellingDocs],
  [layoutObsolete.meta.id, layoutObsoleteDocs],
  [legacyUrl.meta.id, legacyUrlDocs],
  [levelGradeMissing.meta.id, levelGradeMissingDocs],
  [levelHeadingMatch.meta.id, levelHeadingMatchDocs],
  [levelStructure.meta.id, levelStructureDocs],
  [locationRequirement.meta.id, locationRequirementDocs],
  [malformedLink.meta.id, malformedLinkDocs],
  [misusedTerm.meta.id, misusedTermDocs],
  [noH1.meta.id, noH1Docs],
  [notCheckable.meta.id, notCheckableDocs],
  [performanceIndicatorCount.meta.id, performanceIndicatorCountDocs],
  [placeholder.meta.id, placeholderDocs],
  [relativeLink.meta.id, relativeLinkDocs],
  [reportsTo.meta.id, reportsToDocs],
  [requiredSection.meta.id, requiredSectionDocs],
  [siteGeneratedSection.meta.id, siteGeneratedSectionDocs],
  [tbd.meta.id, tbdDocs],
  [titleMissing.meta.id, titleMissingDocs],
  [trailingWhitespace.meta.id, trailingWhitespaceDocs],
  [unknownKey.meta.id, unknownKeyDocs],
  [vacancyWording.meta.id, vacancyWordingDocs],
  [yearsOfExperience.meta.id, yearsOfExperienceDocs],
]);

/** The hand-written body of a rule's page (Markdown): why, and examples; says which of its fixes are suggestions. */
export function ruleDocs(id: string): string {
  const docs = DOCS.get(id);
  if (docs === undefined) throw new Error(`rule ${id} has no documentation`);
  return docs;
}

/** The rules of the registry that have no page: none, or the registry and the docs disagree. */
export const UNDOCUMENTED: readonly string[] = RULES.filter((r) => !DOCS.has(r.meta.id)).map((r) => r.meta.id);
