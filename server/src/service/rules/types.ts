import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { GradeTable } from '../grades/gradeTable';
import type { HandbookLinks } from '../handbook/links';
import type { Family } from '../family';
import type { JobFamilyModel } from '../model/model';
import type { MisusedTerm } from '../model/terms';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type RuleTag = 'ci' | 'front-matter' | 'file' | 'structure' | 'grades' | 'content' | 'language' | 'links' | 'style';

export interface RuleMeta {
  /** Stable code shown with every finding: `JF012`. */
  readonly id: string;
  /** Kebab-case name usable wherever the code is. */
  readonly alias: string;
  /** One sentence: what the rule checks. */
  readonly description: string;
  readonly severity: Severity;
  readonly tags: readonly RuleTag[];
  readonly fixable: boolean;
}

/**
 * - `safe`: afterwards the page is correct at that place, with nothing invented (link a
 *   grade, fix a heading's spelling, remove `layout`). `--fix` and fix-all apply these.
 * - `suggestion`: inserts a skeleton or placeholder the author must fill, or picks one of
 *   several possible answers (the closest page, the closest anchor). Offered as a quick fix
 *   in the editor only, never applied in bulk.
 */
export type FixKind = 'safe' | 'suggestion';

/** A fix is data: edits to the checked document only, checked centrally before use. */
export interface Fix {
  readonly title: string;
  readonly kind: FixKind;
  readonly edits: readonly TextEdit[];
}

export interface Finding {
  readonly range: Range;
  /** What is wrong and what to do, in one sentence. */
  readonly message: string;
  readonly fix?: Fix;
  /** Overrides the configured severity for this finding (e.g. a stricter case of the same rule). */
  readonly severity?: Severity;
}

export interface RuleContext {
  readonly model: JobFamilyModel;
  readonly family: Family;
  readonly grades: GradeTable;
  /** Present when a handbook checkout is open; link rules stay silent without it. */
  readonly handbook: HandbookLinks | undefined;
  /** The handbook's misused-terms list, when the checkout has one. */
  readonly terms: readonly MisusedTerm[];
  readonly severity: Severity;
  report(finding: Finding): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}
