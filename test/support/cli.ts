import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import type { JsonFinding } from '../../server/src/cli/formats';
import { ROOT } from './paths';

export const CLI = path.join(ROOT, 'bin', 'jobfamily-lint.js');
/** Where scripts/install-test-tools.sh puts the SARIF multitool and gitlab-ci-local. */
export const TEST_TOOLS = path.resolve(ROOT, process.env.TEST_TOOLS_DIR ?? '.test-tools');
export const SARIF_MULTITOOL = path.join(TEST_TOOLS, 'node_modules', '.bin', 'sarif-multitool');
export const GITLAB_CI_LOCAL = path.join(TEST_TOOLS, 'node_modules', '.bin', 'gitlab-ci-local');

export interface CliRun {
  readonly code: number | null;
  readonly out: string;
  readonly err: string;
}

export function lint(args: readonly string[], cwd: string, input?: string | Buffer): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export function lintJson(args: readonly string[], cwd: string, input?: string | Buffer): { code: number | null; findings: JsonFinding[]; err: string } {
  const r = lint(['--format', 'json', ...args], cwd, input);
  let findings: JsonFinding[];
  try {
    findings = JSON.parse(r.out) as JsonFinding[];
  } catch {
    throw new Error(`not JSON (exit ${r.code}): ${r.out.slice(0, 500)}\n${r.err.slice(0, 2000)}`);
  }
  return { code: r.code, findings, err: r.err };
}

export function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', ['-c', 'user.email=test@example.com', '-c', 'user.name=Test', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
