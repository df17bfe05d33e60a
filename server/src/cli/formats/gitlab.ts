import type { Severity } from '../../service';
import { fingerprints } from './fingerprint';
import type { Report } from './report';

/** GitLab's Code Quality severities: what the handbook CI rejects is major, what the guide asks minor, style advice info. */
const SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

/** A GitLab Code Quality report (the Code Climate issue format GitLab reads from `artifacts:reports:codequality`). */
export function formatGitlab(report: Report): string {
  const prints = fingerprints(report.problems);
  const issues = report.problems.map((p, i) => ({
    type: 'issue',
    check_name: p.code,
    description: `${p.message} (${p.code} ${p.rule})`,
    categories: ['Style'],
    fingerprint: prints[i]!,
    severity: SEVERITY[p.severity],
    location: { path: p.file, lines: { begin: p.line, end: p.endLine } },
  }));
  return `${JSON.stringify(issues, null, 2)}\n`;
}
