import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JsonFinding } from '../../server/src/cli/formats';
import { copyOfExamples } from '../support/lspClient';
import { ROOT } from '../support/paths';

const CLI = path.join(ROOT, 'bin', 'jobfamily-lint.js');

function lint(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('jobfamily-lint', function () {
  this.timeout(60_000);
  let hb: string;
  before(() => {
    hb = copyOfExamples();
  });

  it('prints path:line:col severity code message, exits 1 on errors', () => {
    const r = lint(['content/job-families/sales/account-manager.md'], hb);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^content\/job-families\/sales\/account-manager\.md:55:39 error JF019 Grade 13 does not exist/m);
    assert.match(r.out, /^\d+ problems \(\d+ errors, \d+ warnings, 1 info\) in 1 file; 1 file checked$/m);
  });

  it('exits 0 on a page with no error', () => {
    const r = lint(['content/job-families/engineering/backend-engineer.md'], hb);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^0 problems; 1 file checked$/m);
  });

  it('prints JSON findings with 1-based positions, the file as given and the rule name', () => {
    const r = lint(['--format', 'json', 'content/job-families/sales/account-manager.md'], hb);
    const findings = JSON.parse(r.out) as JsonFinding[];
    const f = findings.find((x) => x.code === 'JF006')!;
    assert.deepEqual(f, {
      file: 'content/job-families/sales/account-manager.md',
      line: 3,
      column: 1,
      endLine: 3,
      endColumn: 24,
      severity: 'warning',
      code: 'JF006',
      rule: 'layout-obsolete',
      message: '`layout` is obsolete in the handbook: remove it.',
    });
    assert.ok(findings.every((x) => ['error', 'warning', 'info', 'hint'].includes(x.severity)));
  });

  it('walks folders for job-family pages only, and reads .jobfamily.yml', () => {
    const r = lint(['--format', 'json', '.'], hb);
    const files = new Set((JSON.parse(r.out) as JsonFinding[]).map((f) => f.file));
    assert.ok(files.has('content/job-families/sales/account-manager.md'));
    assert.ok(![...files].some((f) => f.startsWith('content/handbook/')), 'handbook pages are not job families');
    writeFileSync(path.join(hb, '.jobfamily.yml'), 'rules:\n  grade-exists: off\n  JF028: off\n  ability-to-use-gitlab: off\n  legacy-url: off\n  front-matter-invalid: off\n');
    const quiet = lint(['--quiet', '.'], hb);
    assert.equal(quiet.code, 0, quiet.out);
    writeFileSync(path.join(hb, '.jobfamily.yml'), '');
  });

  it('fixes pages in place with --fix and reports what is left', () => {
    const file = path.join(hb, 'content/job-families/sales/account-manager.md');
    const before = readFileSync(file, 'utf8');
    const r = lint(['--fix', '--format', 'json', 'content/job-families/sales/account-manager.md'], hb);
    const after = readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    assert.doesNotMatch(after, /^layout:/m);
    assert.match(after, /## Requirements\n\n- Ability to use GitLab\n- 5\+ years/);
    assert.match(after, /\[values\]\(\/handbook\/value\/#collaboration\)/, 'a guessed page is a suggestion, never applied by --fix');
    const left = JSON.parse(r.out) as JsonFinding[];
    assert.ok(!left.some((f) => ['JF006', 'JF014', 'JF028', 'JF033'].includes(f.code)), JSON.stringify(left.map((f) => f.code)));
    assert.ok(left.some((f) => f.code === 'JF019'), 'grade 13 has no automatic fix and is still reported');
  });

  it('lists its rules', () => {
    const r = lint(['--list-rules'], hb);
    assert.equal(r.code, 0);
    assert.match(r.out, /^JF012 {2}required-section/m);
    assert.equal(r.out.trim().split('\n').length, 42);
  });

  it('exits 2 with a clear message on bad usage', () => {
    for (const args of [['--format', 'xml'], ['--bogus'], ['no-such-file.md'], ['--config']]) {
      const r = lint(args, hb);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^jobfamily-lint: /);
    }
  });
});
