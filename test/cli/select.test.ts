import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { git, lint, lintJson } from '../support/cli';
import { copyOfExamples } from '../support/lspClient';

const JF = 'content/job-families';
const ACCOUNT = `${JF}/sales/account-manager.md`;
const PEOPLE = `${JF}/people-group/people-operations`;

/** The files a run checked, from its JSON findings plus the count in the text summary. */
function checked(args: string[], cwd: string): { files: string[]; count: number; err: string; code: number | null } {
  const r = lint(args, cwd);
  const m = /(\d+) files? checked$/m.exec(r.out);
  assert.ok(m, r.out + r.err);
  const json = lintJson(args, cwd);
  return { files: [...new Set(json.findings.map((f) => f.file))].sort(), count: Number(m[1]), err: r.err, code: r.code };
}

describe('jobfamily-lint page selection', function () {
  this.timeout(120_000);

  describe('--changed-since', () => {
    let repo: string;
    let base: string;
    before(() => {
      repo = copyOfExamples();
      writeFileSync(path.join(repo, '.gitignore'), 'content/job-families/**/scratch-*.md\n');
      git(repo, 'init', '-q');
      git(repo, 'add', '-A');
      git(repo, 'commit', '-qm', 'base');
      base = git(repo, 'rev-parse', 'HEAD').trim();
      git(repo, 'checkout', '-qb', 'topic');
    });

    const edit = (rel: string, suffix = '\nOne more sentence about the role.\n'): void => {
      const file = path.join(repo, rel);
      writeFileSync(file, readFileSync(file, 'utf8') + suffix);
    };

    it('checks the committed changes since the merge base, not what the other branch did since', () => {
      edit(ACCOUNT);
      edit('content/handbook/values.md');
      git(repo, 'commit', '-qam', 'topic: account manager');
      // main moves on after the branch point: its changes are not the merge request's.
      git(repo, 'checkout', '-q', 'main');
      edit(`${JF}/engineering/backend-engineer.md`);
      git(repo, 'commit', '-qam', 'main: backend');
      git(repo, 'checkout', '-q', 'topic');
      const r = lint(['--changed-since', 'main', '--format', 'json'], repo);
      const files = new Set((JSON.parse(r.out) as { file: string }[]).map((f) => f.file));
      assert.ok(files.has(ACCOUNT));
      assert.ok(!files.has(`${JF}/engineering/backend-engineer.md`));
      // The sales folder has an _index.md: the family's index comes along; handbook pages never do.
      assert.match(lint(['--changed-since', 'main'], repo).out, /; 2 files checked$/m);
    });

    it('adds staged, unstaged and untracked pages, but not ignored ones', () => {
      edit(`${JF}/finance/payroll.md`, '\nTrailing   \n');
      writeFileSync(path.join(repo, JF, 'finance', 'new-role.md'), readFileSync(path.join(repo, JF, 'finance', 'payroll.md')));
      writeFileSync(path.join(repo, JF, 'finance', 'scratch-notes.md'), '# scratch\n');
      edit(`${JF}/marketing/content-strategist.md`);
      git(repo, 'add', `${JF}/marketing/content-strategist.md`);
      const r = lintJson(['--changed-since', base], repo);
      const files = new Set(r.findings.map((f) => f.file));
      for (const f of [ACCOUNT, `${JF}/finance/payroll.md`, `${JF}/finance/new-role.md`, `${JF}/marketing/content-strategist.md`]) assert.ok(files.has(f), f);
      assert.ok(!files.has(`${JF}/finance/scratch-notes.md`));
      git(repo, 'reset', '-q', '--hard');
      git(repo, 'clean', '-qfd');
    });

    it('brings in the other pages of a split family, also when a level file is deleted', () => {
      git(repo, 'checkout', '-qb', 'family', base);
      edit(`${PEOPLE}/senior.md`);
      git(repo, 'commit', '-qam', 'senior');
      const one = lint(['--changed-since', base], repo);
      assert.match(one.out, /; 3 files checked$/m, one.out);
      git(repo, 'rm', '-q', `${PEOPLE}/senior.md`, `${PEOPLE}/associate.md`);
      git(repo, 'commit', '-qm', 'drop levels');
      const r = lintJson(['--changed-since', base], repo);
      assert.ok(r.findings.some((f) => f.file === `${PEOPLE}/_index.md`), 'the family index is checked again: its levels are gone');
      assert.match(lint(['--changed-since', base], repo).out, /; 1 file checked$/m);
      git(repo, 'checkout', '-q', 'topic');
    });

    it('narrows to the paths given with it', () => {
      edit(`${JF}/finance/payroll.md`);
      git(repo, 'commit', '-qam', 'payroll');
      const all = checked(['--changed-since', base], repo);
      assert.equal(all.count, 3);
      const finance = checked(['--changed-since', base, `${JF}/finance`], repo);
      assert.equal(finance.count, 1);
      const glob = checked(['--changed-since', base, `${JF}/sales/*.md`], repo);
      assert.equal(glob.count, 2);
    });

    it('nothing changed: says so, checks nothing, exits 0 and still writes an empty report', () => {
      const out = path.join(repo, 'gl-code-quality-report.json');
      const r = lint(['--changed-since', 'HEAD', '--format', 'gitlab', '--output', out], repo);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /no job-family page changed since HEAD/);
      assert.match(r.out, /^0 problems; 0 files checked$/m);
      assert.deepEqual(JSON.parse(readFileSync(out, 'utf8')), []);
      rmSync(out);
    });

    it('with no merge base, compares with the ref itself and says so', () => {
      // A root commit of its own (the tree of topic with two pages changed): no history in common.
      git(repo, 'checkout', '-q', '--orphan', 'unrelated');
      edit(ACCOUNT, '\nUnrelated.\n');
      edit(`${JF}/finance/payroll.md`, '\nUnrelated.\n');
      git(repo, 'commit', '-qam', 'unrelated root');
      git(repo, 'checkout', '-q', 'topic');
      const r = lint(['--changed-since', 'unrelated'], repo);
      assert.match(r.err, /no merge base of unrelated and HEAD \(shallow history\?\): comparing with unrelated itself/);
      assert.match(r.out, /; 3 files checked$/m);
    });

    it('exits 2 for a ref that is not a commit, or outside a git repository', () => {
      const bad = lint(['--changed-since', 'no-such-branch'], repo);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /"no-such-branch" is not a commit of this repository/);
      const outside = mkdtempSync(path.join(os.tmpdir(), 'jfa-nogit-'));
      const r = lint(['--changed-since', 'main'], outside);
      assert.equal(r.code, 2);
      assert.match(r.err, /--changed-since needs a git repository/);
    });
  });

  describe('standard input', () => {
    let hb: string;
    before(() => {
      hb = copyOfExamples();
    });

    it('checks the text of standard input as the page --stdin-filename names', () => {
      const text = readFileSync(path.join(hb, ACCOUNT), 'utf8');
      const fromFile = lintJson([ACCOUNT], hb);
      const fromStdin = lintJson(['--stdin-filename', ACCOUNT, '-'], hb, text);
      assert.equal(fromStdin.code, 1);
      assert.deepEqual(fromStdin.findings, fromFile.findings);
      // The text read is standard input's, not the file's.
      const edited = lintJson(['--stdin-filename', ACCOUNT, '-'], hb, text.replace(/^layout: .*\n/m, ''));
      assert.ok(!edited.findings.some((f) => f.code === 'JF006'));
      assert.ok(fromFile.findings.some((f) => f.code === 'JF006'));
    });

    it('the path decides the family: a level file is a level in its family folder and a whole family elsewhere', () => {
      const senior = readFileSync(path.join(hb, PEOPLE, 'senior.md'), 'utf8');
      const inFamily = lintJson(['--stdin-filename', `${PEOPLE}/senior.md`, '-'], hb, senior);
      assert.deepEqual(inFamily.findings, []);
      assert.equal(inFamily.code, 0);
      const alone = lintJson(['--stdin-filename', `${JF}/people-group/senior.md`, '-'], hb, senior);
      assert.ok(alone.findings.some((f) => f.code === 'JF012' && f.file === `${JF}/people-group/senior.md`));
      assert.equal(alone.code, 1);
    });

    it('exits 2 when --stdin-filename is not a job-family page', () => {
      const r = lint(['--stdin-filename', 'content/handbook/values.md', '-'], hb, '# Values\n');
      assert.equal(r.code, 2);
      assert.match(r.err, /no job-family page matches "content\/handbook\/values\.md \(--stdin-filename\)"/);
    });

    it('--fix-dry-run prints the fixes of standard input as a diff of the named page', () => {
      const text = readFileSync(path.join(hb, ACCOUNT), 'utf8');
      const r = lint(['--fix-dry-run', '--stdin-filename', ACCOUNT, '-'], hb, text);
      assert.match(r.out, /^--- a\/content\/job-families\/sales\/account-manager\.md$/m);
      assert.match(r.out, /^-layout: job_family_page$/m);
      assert.equal(readFileSync(path.join(hb, ACCOUNT), 'utf8'), text);
    });

    it('reports standard input that is not UTF-8', () => {
      const text = Buffer.from(readFileSync(path.join(hb, ACCOUNT), 'utf8').replace('Account Manager"', 'Account Manager, Région"'), 'latin1');
      const r = lintJson(['--stdin-filename', ACCOUNT, '-'], hb, text);
      assert.ok(r.findings.some((f) => f.code === 'JF010' && /not valid UTF-8/.test(f.message)));
    });
  });
});
