// What the other-editors tests share: the README's marked setup blocks, a clean environment
// (temporary HOME, XDG folders and npm prefix, none of the caller's npm settings), and the
// server installed once per run with the README's own install commands.
import { execFileSync, spawn, type SpawnOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyOfExamples } from '../support/lspClient';
import { ROOT } from '../support/paths';

export const README = path.join(ROOT, 'README.md');
export const HARNESS = path.join(ROOT, 'test', 'other-editors');
export const BINS = ['jobfamily-language-server', 'jobfamily-lint'] as const;

// Every temporary folder made here (a checkout copy with its node_modules is 240 MB) goes
// when the test run ends.
const temporary: string[] = [];
process.on('exit', () => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** A new temporary folder, removed when the run ends. */
export function tempDir(label: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `jfa-${label}-`));
  temporary.push(dir);
  return dir;
}

/** A copy of the example handbook, outside any version-controlled checkout. */
export function handbookCopy(): string {
  const dir = copyOfExamples();
  temporary.push(dir);
  return dir;
}

export interface Block {
  name: string;
  /** The fence's info string: sh, lua, elisp. */
  lang: string;
  text: string;
  /** 1-based line of the block's first line of code in README.md. */
  line: number;
}

/**
 * The fenced block that follows `<!-- editor-setup: NAME -->` in README.md. Throws when the
 * marker is missing, repeated, or not directly followed by a fenced block.
 */
export function readmeBlock(name: string, readme = readFileSync(README, 'utf8')): Block {
  const lines = readme.split('\n');
  const marker = `<!-- editor-setup: ${name} -->`;
  const at = lines.flatMap((l, i) => (l.trim() === marker ? [i] : []));
  if (at.length !== 1) throw new Error(`README.md has ${at.length} "${marker}" markers, expected one`);
  let i = at[0]! + 1;
  while (i < lines.length && lines[i]!.trim() === '') i++;
  const open = /^```(\S+)\s*$/.exec(lines[i] ?? '');
  if (!open) throw new Error(`"${marker}" is not followed by a fenced code block (line ${i + 1})`);
  const start = i + 1;
  const end = lines.findIndex((l, j) => j >= start && l.trim() === '```');
  if (end < 0) throw new Error(`the block after "${marker}" is not closed`);
  return { name, lang: open[1]!, text: lines.slice(start, end).join('\n') + '\n', line: start + 1 };
}

/** The names of every marked block, in README order. */
export function readmeBlockNames(readme = readFileSync(README, 'utf8')): string[] {
  return [...readme.matchAll(/^<!-- editor-setup: (\S+) -->$/gm)].map((m) => m[1]!);
}

/** A temporary home with its XDG folders, and an environment that points there. */
export function cleanHome(label: string, prefix?: string): { home: string; env: NodeJS.ProcessEnv } {
  const home = tempDir(label);
  const env: NodeJS.ProcessEnv = {};
  // None of the caller's npm settings (npm test exports its own and the user's .npmrc ones).
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k)) env[k] = v;
  Object.assign(env, {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  });
  if (prefix) {
    env.npm_config_prefix = prefix;
    env.PATH = `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`;
  }
  return { home, env };
}

export interface RunResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command (no input) to its end, or kills it after `timeoutMs`, and collects its output. */
export function run(command: string, args: string[], options: SpawnOptions & { timeoutMs: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
}

/** What a failed command said, for assertion messages. */
export function describeRun(what: string, r: RunResult): string {
  const tail = (s: string) => s.split('\n').slice(-40).join('\n');
  return `${what}: exit ${r.status ?? r.signal}\n--- stdout\n${tail(r.stdout)}\n--- stderr\n${tail(r.stderr)}`;
}

/** A copy of the checkout as git sees it (tracked and untracked files, less what is ignored). */
export function copyOfCheckout(): string {
  const dir = tempDir('checkout');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(path.join(ROOT, f)));
  for (const f of files) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    copyFileSync(path.join(ROOT, f), path.join(dir, f));
  }
  return dir;
}

/** The npm cache of the caller's npm (warm after `npm ci`), so a checkout copy's `npm ci` is quick. */
function callersNpmCache(): string {
  return process.env.npm_config_cache ?? execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
}

export interface Installed {
  /** The copy of the checkout the README's commands ran in. */
  checkout: string;
  /** The temporary npm prefix: the commands are in its bin/. */
  prefix: string;
  /** An environment with a clean HOME and the prefix's bin/ first on the PATH. */
  env: NodeJS.ProcessEnv;
  /** The tarball the commands packed. */
  tarball: string;
  output: RunResult;
}

async function install(): Promise<Installed> {
  const block = readmeBlock('install');
  const checkout = copyOfCheckout();
  const prefix = tempDir('prefix');
  const { env } = cleanHome('install', prefix);
  env.npm_config_cache = callersNpmCache();
  env.npm_config_prefer_offline = 'true';
  const output = await run('bash', ['-euo', 'pipefail', '-c', block.text], { cwd: checkout, env, timeoutMs: 5 * 60_000 });
  if (output.status !== 0) throw new Error(describeRun(`README.md's install commands (line ${block.line})`, output));
  const tarballs = readdirSync(checkout).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`the install commands left ${tarballs.length} tarballs in the checkout: ${tarballs.join(', ')}`);
  return { checkout, prefix, env, tarball: path.join(checkout, tarballs[0]!), output };
}

let installing: Promise<Installed> | undefined;

/**
 * The server and CLI installed with README.md's install commands, in a copy of this checkout,
 * into a temporary npm prefix. Done once per run; a failed install fails every test that needs it.
 */
export function installedServer(): Promise<Installed> {
  installing ??= install();
  return installing;
}
