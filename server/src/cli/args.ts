import { parseArgs } from 'node:util';
import { RULES } from '../service';

export const FORMATS = ['text', 'json', 'gitlab', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

/** Lowest severity reported; `hint` (the default) reports everything. */
export const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
export type ReportSeverity = (typeof SEVERITIES)[number];

export const USAGE = `Usage: jobfamily-lint [options] [paths or globs...]
       jobfamily-lint --changed-since REF [options] [paths...]
       jobfamily-lint --stdin-filename PATH [options] -

Checks GitLab-handbook job-family pages. Folders and quoted globs select the pages that
match \`files\` (default **/job-families/**/*.md), leaving out what .gitignore ignores; a
file in a job-families folder without the .md extension is checked too (Hugo does not
publish it). Files named on the command line are always checked. A path or glob that
selects no page is an error.

Output:
  --format FORMAT        text (default), json, gitlab (Code Quality report), sarif (SARIF 2.1.0)
  -o, --output FILE      write the report to FILE; the terminal still gets the text report
  --severity LEVEL       lowest severity to report: error, warning, info or hint (default: all)
  --quiet                report errors only (--severity error)
  --max-warnings N       exit 1 when more than N warnings are reported

Selecting pages:
  --changed-since REF    the pages changed since the merge base of REF and HEAD (committed,
                         staged, unstaged and untracked), plus the other pages of the split
                         families they belong to; paths, when given, narrow the selection
  --stdin-filename PATH  with "-": read the page from standard input; PATH decides whether
                         it is a job-family page, its family and the path in the output
  --root DIR             the handbook checkout (default: found from the paths)
  --config FILE          configuration file (default: .jobfamily.yml in the handbook root)

Fixing (only safe fixes: nothing is invented, no placeholder is inserted):
  --fix                  apply the safe fixes in place, then report what is left
  --fix-dry-run          print the changes --fix would make as a unified diff; write nothing
  --fix-rule RULE        only fix this rule (code or name); repeatable

Other:
  --list-rules           list the rules and exit
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 no error-level problem and no more warnings than --max-warnings;
1 otherwise; 2 bad usage, a path that selects no page, or an internal failure.`;

export interface Options {
  readonly format: Format;
  readonly output: string | undefined;
  readonly severity: ReportSeverity;
  readonly maxWarnings: number | undefined;
  readonly fix: 'write' | 'dry-run' | undefined;
  /** Rule codes whose fixes are applied; undefined: every rule. */
  readonly fixRules: readonly string[] | undefined;
  readonly changedSince: string | undefined;
  readonly stdinFilename: string | undefined;
  readonly config: string | undefined;
  readonly root: string | undefined;
  readonly listRules: boolean;
  readonly paths: readonly string[];
}

export class UsageError extends Error {}

export type Parsed = Options | 'help' | 'version';

export function parseCommandLine(argv: readonly string[]): Parsed {
  let values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        severity: { type: 'string' },
        quiet: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'fix-rule': { type: 'string', multiple: true },
        'changed-since': { type: 'string' },
        'stdin-filename': { type: 'string' },
        config: { type: 'string' },
        root: { type: 'string' },
        'list-rules': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    }));
  } catch (e) {
    // parseArgs' messages name the option; drop its advice about `--` which does not apply here.
    throw new UsageError((e instanceof Error ? e.message : String(e)).split('. To specify')[0]);
  }
  if (values.help) return 'help';
  if (values.version) return 'version';

  const format = values.format ?? 'text';
  if (!isOneOf(FORMATS, format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);

  const severityValue = values.severity ?? (values.quiet ? 'error' : 'hint');
  if (!isOneOf(SEVERITIES, severityValue)) throw new UsageError(`--severity must be one of ${SEVERITIES.join(', ')}, not "${severityValue}"`);
  if (values.quiet && values.severity && values.severity !== 'error') throw new UsageError('--quiet means --severity error; give one of them');

  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    const raw = values['max-warnings'];
    if (!/^\d+$/.test(raw)) throw new UsageError(`--max-warnings needs a whole number of 0 or more, not "${raw}"`);
    maxWarnings = Number(raw);
  }

  if (values.fix && values['fix-dry-run']) throw new UsageError('--fix and --fix-dry-run exclude each other');
  const fix = values.fix ? 'write' : values['fix-dry-run'] ? 'dry-run' : undefined;
  let fixRules: string[] | undefined;
  if (values['fix-rule']) {
    if (!fix) throw new UsageError('--fix-rule needs --fix or --fix-dry-run');
    fixRules = values['fix-rule'].map((name) => {
      const rule = RULES.find((r) => r.meta.id === name.toUpperCase() || r.meta.alias === name);
      if (!rule) throw new UsageError(`--fix-rule: no rule is called "${name}" (see --list-rules)`);
      if (!rule.meta.fixable) throw new UsageError(`--fix-rule: ${rule.meta.id} ${rule.meta.alias} has no fix`);
      return rule.meta.id;
    });
  }

  const stdin = positionals.includes('-');
  if (stdin) {
    if (positionals.length > 1) throw new UsageError('"-" (standard input) cannot be combined with other paths');
    if (!values['stdin-filename']) throw new UsageError('"-" needs --stdin-filename PATH: the path decides whether the text is a job-family page, and its family');
    if (fix === 'write') throw new UsageError('--fix cannot write to standard input; use --fix-dry-run for a diff');
    if (values['changed-since'] !== undefined) throw new UsageError('--changed-since cannot be combined with standard input');
  } else if (values['stdin-filename'] !== undefined) throw new UsageError('--stdin-filename is for reading standard input: add "-"');

  if (values['changed-since'] !== undefined && !values['changed-since']) throw new UsageError('--changed-since needs a git ref');

  return {
    format,
    output: values.output,
    severity: severityValue,
    maxWarnings,
    fix,
    fixRules,
    changedSince: values['changed-since'],
    stdinFilename: stdin ? values['stdin-filename'] : undefined,
    config: values.config,
    root: values.root,
    listRules: values['list-rules'] === true,
    paths: stdin ? [] : positionals,
  };
}

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
