import {
  createLanguageService,
  lintText,
  mergeConfig,
  NEVER_CANCELLED,
  RULES,
  type JobFamilyConfig,
  type LanguageService,
  type RuleFinding,
  type Workspace,
} from '../../server/src/service';

export const NEVER = NEVER_CANCELLED;

export interface Doc {
  readonly uri: string;
  readonly version: number;
  getText(): string;
}

export function doc(uri: string, text: string, version = 1): Doc {
  return { uri, version, getText: () => text };
}

/** A service over `workspace`; `overrides` sit above every other settings layer. */
export function service(workspace?: Workspace, overrides?: Partial<JobFamilyConfig>): LanguageService {
  return createLanguageService({ workspace, overrides });
}

/** A service whose configuration is read and handbook indexed, as a host does at start. */
export async function initialized(workspace?: Workspace, overrides?: Partial<JobFamilyConfig>): Promise<LanguageService> {
  const ls = service(workspace, overrides);
  await ls.initialize(NEVER);
  return ls;
}

/** Opens (or updates) a document as the editor would and returns its findings. */
export async function findingsOf(ls: LanguageService, d: Doc): Promise<RuleFinding[]> {
  const open = ls.getModel(d.uri);
  // An open document gets a new version, as the editor sends one with every change.
  if (open) ls.changeDocument(doc(d.uri, d.getText(), Math.max(d.version, open.version + 1)));
  else ls.openDocument(d, { jobFamily: true });
  return ls.getFindings(d.uri, NEVER);
}

/** Findings for one page with every rule on (or the given settings). */
export async function findings(text: string, uri = 'file:///hb/content/job-families/dept/role.md', config?: Partial<JobFamilyConfig>, ls = service(undefined, config)): Promise<RuleFinding[]> {
  return lintText(ls, uri, text);
}

export function codes(fs: readonly RuleFinding[]): string[] {
  return fs.map((f) => f.rule.meta.id);
}

/** Settings with only one rule on. */
export function only(ruleId: string): JobFamilyConfig {
  return mergeConfig({ rules: Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.id === ruleId ? r.meta.severity : 'off'])) });
}

/** The grade table's address as the templates link a grade: `[grade 7](${GRADE_TABLE})`. */
export const GRADE_TABLE = '/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades';
