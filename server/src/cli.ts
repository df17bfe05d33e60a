#!/usr/bin/env node
import { promises as fs, existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { FileWorkspace, toUri } from './node/fileWorkspace';
import { CONFIG_FILE_NAME, NEVER_CANCELLED, RULES, createLanguageService, lintText, matchesGlobs, type RuleFinding } from './service';

const USAGE = `Usage: jobfamily-lint [options] [paths...]

Checks GitLab-handbook job-family pages. Folders are searched for the pages that match
\`files\` (default **/job-families/**/*.md); files named on the command line are always checked.

Options:
  --format text|json   output format (default: text)
  --fix                apply every available fix in place, then report what is left
  --config FILE        configuration file (default: .jobfamily.yml in the handbook root)
  --root DIR           the handbook checkout or workspace (default: found from the paths)
  --quiet              report errors only
  --list-rules         list the rules and exit
  -h, --help           show this help
  -v, --version        show the version

Exit status: 0 no error-level problem, 1 at least one, 2 bad usage or internal failure.`;

interface Options {
  format: 'text' | 'json';
  fix: boolean;
  quiet: boolean;
  config?: string;
  root?: string;
  listRules: boolean;
  paths: string[];
}

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Options | 'help' | 'version' {
  const o: Options = { format: 'text', fix: false, quiet: false, listRules: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const name = a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    switch (name) {
      case '-h':
      case '--help':
        return 'help';
      case '-v':
      case '--version':
        return 'version';
      case '--format': {
        const f = value();
        if (f !== 'text' && f !== 'json') throw new UsageError(`--format must be text or json, not "${f}"`);
        o.format = f;
        break;
      }
      case '--fix':
        o.fix = true;
        break;
      case '--quiet':
        o.quiet = true;
        break;
      case '--list-rules':
        o.listRules = true;
        break;
      case '--config':
        o.config = value();
        break;
      case '--root':
        o.root = value();
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        o.paths.push(a);
    }
  }
  return o;
}

/** The nearest folder above `p` that holds a handbook (`content/handbook` or `content/job-families`). */
function handbookRoot(p: string): string | undefined {
  let dir = statSync(p).isDirectory() ? p : path.dirname(p);
  for (;;) {
    if (existsSync(path.join(dir, 'content', 'handbook')) || existsSync(path.join(dir, 'content', 'job-families'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name === 'node_modules') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, out);
    else if (e.isFile() && e.name.endsWith('.md')) out.push(p);
  }
}

/** One finding of `--format json`: the CLI's output contract. */
export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  rule: string;
  message: string;
}

function toJson(file: string, f: RuleFinding): JsonFinding {
  return {
    file,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    severity: f.severity,
    code: f.rule.meta.id,
    rule: f.rule.meta.alias,
    message: f.message,
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (parsed === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const o = parsed;
  if (o.listRules) {
    if (o.format === 'json') process.stdout.write(`${JSON.stringify(RULES.map((r) => ({ ...r.meta, docs: undefined })), null, 2)}\n`);
    else for (const r of RULES) process.stdout.write(`${r.meta.id}  ${r.meta.alias.padEnd(28)} ${r.meta.severity.padEnd(8)} ${r.meta.fixable ? 'fix' : '   '}  ${r.meta.description}\n`);
    return 0;
  }
  const inputs = (o.paths.length ? o.paths : ['.']).map((p) => path.resolve(p));
  for (const p of inputs) if (!existsSync(p)) throw new UsageError(`no such file or folder: ${p}`);

  const roots = o.root
    ? [path.resolve(o.root)]
    : [...new Set(inputs.map((p) => handbookRoot(p) ?? (statSync(p).isDirectory() ? p : path.dirname(p))))];
  const workspace = FileWorkspace.fromPaths(roots);

  const configPath = o.config ? path.resolve(o.config) : path.join(roots[0]!, CONFIG_FILE_NAME);
  if (o.config && !existsSync(configPath)) throw new UsageError(`no such config file: ${configPath}`);
  const log = { log: () => undefined, error: (m: string) => process.stderr.write(`${m}\n`) };
  const service = createLanguageService({ workspace, logger: log, configUri: o.config ? toUri(configPath) : undefined });
  await service.initialize(NEVER_CANCELLED);
  for (const p of service.configFile?.problems ?? []) process.stderr.write(`${rel(configPath)}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.message}\n`);
  const config = service.config;

  const files: string[] = [];
  for (const p of inputs) {
    if (statSync(p).isDirectory()) {
      const found: string[] = [];
      await walk(p, found);
      const root = roots.find((r) => found[0]?.startsWith(r)) ?? p;
      const slash = (f: string): string => f.split(path.sep).join('/');
      files.push(...found.filter((f) => matchesGlobs(slash(path.relative(root, f)), config.files) || matchesGlobs(slash(f), config.files)));
    } else files.push(p);
  }

  const results: JsonFinding[] = [];
  let fixed = 0;
  for (const file of [...new Set(files)].sort()) {
    const uri = toUri(file);
    let text = await fs.readFile(file, 'utf8');
    if (o.fix) {
      const result = await service.fixText(uri, text, {}, NEVER_CANCELLED);
      if (result.changed) {
        await fs.writeFile(file, result.text, 'utf8');
        text = result.text;
        fixed++;
        await service.filesChanged([{ uri, type: 'changed' }], NEVER_CANCELLED);
      }
    }
    const findings = await lintText(service, uri, text);
    for (const f of findings) if (!o.quiet || f.severity === 'error') results.push(toJson(rel(file), f));
  }

  if (o.format === 'json') process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) process.stdout.write(`${r.file}:${r.line}:${r.column} ${r.severity} ${r.code} ${r.message}\n`);
    const count = (s: string) => results.filter((r) => r.severity === s).length;
    const summary = `${results.length} problem${results.length === 1 ? '' : 's'} (${count('error')} errors, ${count('warning')} warnings, ${count('info') + count('hint')} infos) in ${files.length} file${files.length === 1 ? '' : 's'}${o.fix ? `; fixed ${fixed} file${fixed === 1 ? '' : 's'}` : ''}`;
    process.stdout.write(`${summary}\n`);
  }
  return results.some((r) => r.severity === 'error') ? 1 : 0;
}

/** Paths are printed relative to the working directory, with `/`. */
function rel(file: string): string {
  const r = path.relative(process.cwd(), file);
  return r && !path.isAbsolute(r) ? r.split(path.sep).join('/') : file;
}

declare const JOBFAMILY_VERSION: string | undefined;
const VERSION = typeof JOBFAMILY_VERSION === 'string' ? JOBFAMILY_VERSION : 'development';

// Piped into `head` or a closed pager: stop quietly instead of crashing on EPIPE.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof UsageError) process.stderr.write(`jobfamily-lint: ${e.message}\n\n${USAGE}\n`);
    else process.stderr.write(`jobfamily-lint: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 2;
  },
);
