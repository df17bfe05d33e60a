import { createLanguageService, DEFAULT_CONFIG, mergeConfig, type JobFamilyConfig, type LanguageService, type RuleFinding } from '../../server/src/service';
import type { Workspace } from '../../server/src/service';

export function doc(uri: string, text: string, version = 1) {
  return { uri, version, getText: () => text };
}

export function service(workspace?: Workspace): LanguageService {
  return createLanguageService({ workspace });
}

/** Findings for one page with every rule on (or the given config). */
export async function findings(text: string, uri = 'file:///hb/content/job-families/dept/role.md', config: JobFamilyConfig = DEFAULT_CONFIG, ls = service()): Promise<RuleFinding[]> {
  return ls.getFindings(doc(uri, text), config);
}

export function codes(fs: readonly RuleFinding[]): string[] {
  return fs.map((f) => f.rule.meta.id);
}

export function only(ruleId: string): JobFamilyConfig {
  return mergeConfig({ rules: Object.fromEntries(createLanguageService().rules.map((r) => [r.meta.id, r.meta.id === ruleId ? r.meta.severity : 'off'])) });
}
