import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GITLAB_CI_LOCAL, git, lint } from '../support/cli';
import { EXAMPLES, ROOT } from '../support/paths';

const JOB = 'jobfamily-lint';
const REPORT = 'gl-code-quality-report.json';

/** The job block of the README's "In CI" section, between its ci-job markers, without the fence. */
function readmeJob(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const m = /<!-- ci-job:start -->\n```yaml\n([\s\S]*?)```\n<!-- ci-job:end -->/.exec(readme);
  assert.ok(m, 'the README has a ```yaml block between <!-- ci-job:start --> and <!-- ci-job:end -->');
  return m[1]!;
}

interface Issue {
  fingerprint: string;
  check_name: string;
  location: { path: string };
}

describe('the README CI job, run by gitlab-ci-local', function () {
  this.timeout(600_000);
  let repo: string;
  let base: string;
  let tarball: string;
  let home: string;

  before(() => {
    assert.ok(existsSync(GITLAB_CI_LOCAL), `${GITLAB_CI_LOCAL} (scripts/install-test-tools.sh installs it)`);
    const work = mkdtempSync(path.join(os.tmpdir(), 'jfa-ci-'));
    home = path.join(work, 'home');
    // The tool as a handbook pipeline gets it: the npm package, here packed from this build.
    const packed = spawnSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    tarball = path.join(work, packed.stdout.trim().split('\n').pop()!);
    assert.ok(existsSync(tarball), tarball);

    repo = path.join(work, 'handbook');
    cpSync(EXAMPLES, repo, { recursive: true });
    git(repo, 'init', '-q');
    writeFileSync(path.join(repo, '.gitignore'), '.gitlab-ci-local/\n');
    writeFileSync(path.join(repo, '.gitlab-ci.yml'), readmeJob());
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'handbook with the job-family lint job');
    base = git(repo, 'rev-parse', 'HEAD').trim();
    // The merge request: one single-file family and one level of a split family.
    git(repo, 'checkout', '-qb', 'update-roles');
    const edit = (rel: string, text: string): void => writeFileSync(path.join(repo, rel), readFileSync(path.join(repo, rel), 'utf8') + text);
    edit('content/job-families/sales/account-manager.md', '\nThe account manager must be based in EMEA.  \n');
    edit('content/job-families/people-group/people-operations/senior.md', '\nThe senior specialist coaches his team.\n');
    git(repo, 'commit', '-qam', 'update roles');
  });

  function runJob(variables: Record<string, string>): { code: number | null; output: string; report: Issue[] } {
    const build = path.join(repo, '.gitlab-ci-local');
    rmSync(build, { recursive: true, force: true });
    const args = ['--shell-isolation', '--force-shell-executor', '--home', home, '--variable', `JOBFAMILY_LINT=${tarball}`];
    for (const [k, v] of Object.entries(variables)) args.push('--variable', `${k}=${v}`);
    const r = spawnSync(GITLAB_CI_LOCAL, [...args, JOB], { cwd: repo, encoding: 'utf8', env: { ...process.env, CI: undefined, npm_config_yes: 'true' } });
    const output = `${r.stdout}\n${r.stderr}`;
    const file = path.join(build, 'builds', JOB, REPORT);
    assert.ok(existsSync(file), `the job leaves ${REPORT}:\n${output}`);
    return { code: r.status, output, report: JSON.parse(readFileSync(file, 'utf8')) as Issue[] };
  }

  function direct(args: string[]): Issue[] {
    const r = lint(['--format', 'gitlab', ...args], repo);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    return JSON.parse(r.out) as Issue[];
  }

  it('in a merge request, reports the changed pages and their split family, as the CLI does', () => {
    const r = runJob({ CI_PIPELINE_SOURCE: 'merge_request_event', CI_MERGE_REQUEST_DIFF_BASE_SHA: base });
    assert.match(r.output, /json schema validated/, 'gitlab-ci-local checked the file against GitLab\'s schema');
    assert.notEqual(r.code, 0, 'errors fail the job');
    assert.match(r.output, /--changed-since [0-9a-f]{40}|problems \(/);
    const expected = direct(['--changed-since', base]);
    assert.deepEqual(r.report, expected);
    const files = new Set(r.report.map((i) => i.location.path));
    assert.ok(files.has('content/job-families/sales/account-manager.md'));
    assert.ok(files.has('content/job-families/people-group/people-operations/senior.md'));
    assert.ok(r.report.some((i) => i.check_name === 'JF028'), 'the new gendered pronoun');
    assert.ok(!files.has('content/job-families/marketing/content-strategist.md'), 'unchanged pages are not reported');
    // The job log shows the findings as text too.
    assert.match(r.output, /account-manager\.md:\d+:\d+ warning JF031 /);
  });

  it('in a branch pipeline with no previous commit, checks every page', () => {
    const r = runJob({});
    assert.notEqual(r.code, 0);
    assert.deepEqual(r.report, direct(['content/job-families']));
    assert.ok(r.report.some((i) => i.location.path === 'content/job-families/marketing/content-strategist.md'));
  });

  it('in a branch pipeline after a push, checks what the push changed', () => {
    const r = runJob({ CI_COMMIT_BEFORE_SHA: base });
    assert.deepEqual(r.report, direct(['--changed-since', base]));
    const zeros = runJob({ CI_COMMIT_BEFORE_SHA: '0'.repeat(40) });
    assert.deepEqual(zeros.report, direct(['content/job-families']), 'all zeros means no previous commit');
  });
});
