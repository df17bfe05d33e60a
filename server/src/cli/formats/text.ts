import { countBy, type Problem, type Report } from './report';

/** A cause repeated more than this many times in one file is shown this many times, then counted. */
const GROUP_SHOWN = 3;
/** The folded findings' line numbers are listed up to this many. */
const MAX_LINES_LISTED = 10;

/**
 * `path:line:col severity code message`, one finding a line, then a summary. When one
 * cause repeats in a file (same rule, same message: trailing spaces on forty lines), the
 * first few are shown and the rest counted, so one habit does not bury the other problems.
 */
export function formatText(report: Report): string {
  const out: string[] = [];
  const byFile = new Map<string, Problem[]>();
  for (const p of report.problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  for (const [file, problems] of byFile) {
    const groups = new Map<string, Problem[]>();
    for (const p of problems) {
      const key = `${p.code}\0${p.message}`;
      const g = groups.get(key);
      if (g) g.push(p);
      else groups.set(key, [p]);
    }
    for (const p of problems) {
      const group = groups.get(`${p.code}\0${p.message}`)!;
      const at = group.indexOf(p);
      // A group of GROUP_SHOWN + 1 is shown whole: "and 1 more" would save nothing.
      const folded = group.length > GROUP_SHOWN + 1;
      if (folded && at >= GROUP_SHOWN) continue;
      out.push(`${p.file}:${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`);
      if (folded && at === GROUP_SHOWN - 1) {
        const rest = group.slice(GROUP_SHOWN).map((g) => g.line);
        const lines = rest.length > MAX_LINES_LISTED ? `${rest.slice(0, MAX_LINES_LISTED).join(', ')}, …` : rest.join(', ');
        out.push(`${file}: … and ${rest.length} more like this (${p.code} ${p.rule}, lines ${lines})`);
      }
    }
  }
  out.push(summary(report));
  return `${out.join('\n')}\n`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** "3 problems (1 error, 2 warnings) in 1 file; 4 files checked". */
export function summary(report: Report): string {
  const { problems } = report;
  const parts = [plural(countBy(problems, 'error'), 'error'), plural(countBy(problems, 'warning'), 'warning'), plural(countBy(problems, 'info'), 'info', 'info'), plural(countBy(problems, 'hint'), 'hint')].filter((s) => !s.startsWith('0 '));
  const withProblems = new Set(problems.map((p) => p.file)).size;
  let line = problems.length
    ? `${plural(problems.length, 'problem')} (${parts.join(', ')}) in ${plural(withProblems, 'file')}; ${plural(report.filesChecked, 'file')} checked`
    : `0 problems; ${plural(report.filesChecked, 'file')} checked`;
  if (report.filesFixed !== undefined) line += report.dryRun ? `; --fix would change ${plural(report.filesFixed, 'file')}` : `; fixed ${plural(report.filesFixed, 'file')}`;
  const warnings = countBy(problems, 'warning');
  if (report.maxWarnings !== undefined && warnings > report.maxWarnings) line += `; ${plural(warnings, 'warning')}, more than --max-warnings ${report.maxWarnings}`;
  return line;
}
