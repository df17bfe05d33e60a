import { createHash } from 'node:crypto';
import type { Problem } from './report';

/**
 * Fingerprints that name a finding, not its place: a hash of the file, the rule, the
 * message and the text the finding covers, plus the occurrence number among findings of
 * the same file that agree on all of those (so two never share one). Adding or removing
 * unrelated lines above a finding leaves its fingerprint alone, so GitLab does not show
 * it as fixed and new again.
 */
export function fingerprints(problems: readonly Problem[]): string[] {
  const seen = new Map<string, number>();
  return problems.map((p) => {
    const key = [p.file, p.code, p.message, p.text.replace(/\s+/g, ' ').trim()].join('\0');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\0${n}`).digest('hex').slice(0, 32);
  });
}
