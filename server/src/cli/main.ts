import { promises as fs, existsSync } from 'node:fs';
import * as path from 'node:path';
import { FileWorkspace, toUri } from '../node/fileWorkspace';
import { CONFIG_FILE_NAME, NEVER_CANCELLED, RULES, createLanguageService } from '../service';
import { USAGE, UsageError, parseCommandLine, type Options, type ReportSeverity } from './args';
import { checkPage } from './check';
import { PageFilter } from './discover';
import { pathDisplay } from './display';
import { FORMATTERS, summary, type Problem, type Report } from './formats';
import { formatText } from './formats/text';
import { ReadAhead } from './readAhead';
import { NoPagesError, readRequest, selectPages } from './select';

export interface Io {
  readonly cwd: string;
  readonly version: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<Uint8Array>;
}

const RANK: Record<ReportSeverity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Runs the command; resolves to the exit status. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await runParsed(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`jobfamily-lint: ${e.message}\n\nRun jobfamily-lint --help for the options.\n`);
      return 2;
    }
    if (e instanceof NoPagesError) {
      io.stderr(`jobfamily-lint: ${e.message}: nothing to check. Job-family pages are the files matching \`files\` in .jobfamily.yml (default **/job-families/**/*.md).\n`);
      return 2;
    }
    io.stderr(`jobfamily-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 2;
  }
}

async function runParsed(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed === 'help') {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  if (parsed === 'version') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const o = parsed;
  if (o.listRules) {
    io.stdout(listRules(o));
    return 0;
  }

  const request = readRequest(o, io.cwd);
  const note = (m: string): void => io.stderr(`jobfamily-lint: ${m}\n`);
  if (request.changed?.note) note(request.changed.note);
  const { roots } = request;
  // One run: a folder's real path does not change under it, so each is resolved once.
  const workspace = FileWorkspace.fromPaths(roots, { oneShot: true });
  const configPath = o.config ? path.resolve(io.cwd, o.config) : path.join(roots[0]!, CONFIG_FILE_NAME);
  if (o.config && !existsSync(configPath)) throw new UsageError(`no such config file: ${o.config}`);
  const logger = { log: () => undefined, error: (m: string) => io.stderr(`${m}\n`) };
  const service = createLanguageService({ workspace, logger, configUri: o.config ? toUri(configPath) : undefined });
  await service.initialize(NEVER_CANCELLED);
  const display = pathDisplay(io.cwd);
  for (const p of service.configFile?.problems ?? []) io.stderr(`${display(configPath)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}\n`);

  const realRoots = await Promise.all(roots.map((r) => fs.realpath(r).catch(() => r)));
  const filter = new PageFilter(roots, service.config.files);
  const pages = await selectPages(request, filter, { filter, roots, realRoots, warn: note });
  if (request.changed && !pages.length) note(`no job-family page changed since ${o.changedSince}`);
  const stdinBytes = request.inputs.some((i) => i.kind === 'stdin') ? await io.readStdin() : undefined;

  const problems: Problem[] = [];
  const diffs: string[] = [];
  let fixedFiles = 0;
  let writeFailures = 0;
  // --fix writes pages as it goes: each is read just before it is checked, after any write before it.
  const ahead = new ReadAhead(pages.map((p) => p.path), o.fix ? 1 : 16);
  const written = (uri: string): void => workspace.forget(uri);
  for (const [i, page] of pages.entries()) {
    const bytes = stdinBytes ?? (await ahead.bytes(i));
    const result = await checkPage(service, page, bytes, { fix: o.fix, fixRules: o.fixRules, realRoots, display, note, fromStdin: stdinBytes !== undefined, written });
    problems.push(...result.problems.filter((p) => RANK[p.severity] <= RANK[o.severity]));
    if (result.fixed) fixedFiles++;
    if (result.diff) diffs.push(result.diff);
    if (result.writeFailed) writeFailures++;
  }

  const report: Report = { problems, filesChecked: pages.length, filesFixed: o.fix ? fixedFiles : undefined, dryRun: o.fix === 'dry-run', maxWarnings: o.maxWarnings, version: io.version, cwd: io.cwd };
  await emit(o, report, diffs, io);
  if (writeFailures) {
    note(`--fix could not write ${writeFailures === 1 ? '1 file' : `${writeFailures} files`}`);
    return 2;
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  return errors > 0 || (o.maxWarnings !== undefined && warnings > o.maxWarnings) ? 1 : 0;
}

/**
 * Where things go: the report in --format to --output or standard output. With --output
 * the terminal still gets the readable text (CI logs show the findings while the report
 * goes to GitLab). --fix-dry-run keeps standard output for the diff alone, so it can be
 * piped to `git apply`; its summary goes to standard error and its report to --output.
 */
async function emit(o: Options, report: Report, diffs: readonly string[], io: Io): Promise<void> {
  const formatted = FORMATTERS[o.format](report);
  if (o.output) {
    const file = path.resolve(io.cwd, o.output);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, formatted, 'utf8');
  }
  if (o.fix === 'dry-run') {
    io.stdout(diffs.join(''));
    io.stderr(`${summary(report)}\n`);
    return;
  }
  if (!o.output) io.stdout(formatted);
  else io.stdout(o.format === 'text' ? `${summary(report)}\n` : formatText(report));
}

function listRules(o: Options): string {
  if (o.format === 'json') return `${JSON.stringify(RULES.map((r) => ({ ...r.meta, docs: undefined })), null, 2)}\n`;
  return RULES.map((r) => `${r.meta.id}  ${r.meta.alias.padEnd(28)} ${r.meta.severity.padEnd(8)} ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.description}\n`).join('');
}
