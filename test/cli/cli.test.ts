import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { JsonFinding } from '../../server/src/cli/formats';
import { RULES } from '../../server/src/service';
import { lint, lintJson } from '../support/cli';
import { copyOfExamples } from '../support/lspClient';

const BACKEND = 'content/job-families/engineering/backend-engineer.md';
const ACCOUNT = 'content/job-families/sales/account-manager.md';

describe('jobfamily-lint', function () {
  this.timeout(60_000);
  let hb: string;
  before(() => {
    hb = copyOfExamples();
  });

  /** A clean page with `extra` front-matter lines: one JF006 warning per `layout` line, for threshold tests. */
  const pageWith = (name: string, body: (text: string) => string): string => {
    const file = path.join('content/job-families/engineering', name);
    writeFileSync(path.join(hb, file), body(readFileSync(path.join(hb, BACKEND), 'utf8')));
    return file;
  };

  it('prints path:line:col severity code message, exits 1 on errors', () => {
    const r = lint([ACCOUNT], hb);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^content\/job-families\/sales\/account-manager\.md:55:39 error JF019 Grade 13 does not exist/m);
    assert.match(r.out, /^18 problems \(4 errors, 12 warnings, 2 info\) in 1 file; 1 file checked$/m);
  });

  it('exits 0 on a page with no error', () => {
    const r = lint([BACKEND], hb);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /^0 problems; 1 file checked$/m);
  });

  it('counts files with problems and files checked, with singular and plural right', () => {
    const one = pageWith('one-warning.md', (t) => t.replace('title: "Backend Engineer"', 'title: "Backend Engineer"\nlayout: job_family_page'));
    const r = lint([one, BACKEND], hb);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^1 problem \(1 warning\) in 1 file; 2 files checked$/m);
    const all = lint(['.'], hb);
    assert.match(all.out, /^\d+ problems \(5 errors, \d+ warnings, 3 info\) in 3 files; 9 files checked$/m);
  });

  it('prints JSON findings with 1-based positions, the file as given and the rule name', () => {
    const { findings } = lintJson([ACCOUNT], hb);
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
    assert.deepEqual(Object.keys(f), ['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'rule', 'message']);
  });

  it('prints a file named through a symbolic link relative to the working directory it lies in', () => {
    const linkDir = mkdtempSync(path.join(os.tmpdir(), 'jfa-link-'));
    const link = path.join(linkDir, 'handbook');
    symlinkSync(hb, link);
    try {
      // A process's working directory is its real path, so the link's path is not under it.
      const { findings } = lintJson([path.join(link, ACCOUNT)], hb);
      assert.ok(findings.length > 0);
      assert.deepEqual([...new Set(findings.map((f) => f.file))], [ACCOUNT]);
      // Outside the working directory, it stays as given.
      const outside = lintJson([path.join(link, ACCOUNT)], linkDir).findings;
      assert.deepEqual([...new Set(outside.map((f) => f.file))], ['handbook/' + ACCOUNT]);
    } finally {
      rmSync(linkDir, { recursive: true });
    }
  });

  it('walks folders for job-family pages only, and reads .jobfamily.yml', () => {
    const { findings } = lintJson(['.'], hb);
    const files = new Set(findings.map((f) => f.file));
    assert.ok(files.has('content/job-families/sales/account-manager.md'));
    assert.ok(![...files].some((f) => f.startsWith('content/handbook/')), 'handbook pages are not job families');
    writeFileSync(path.join(hb, '.jobfamily.yml'), 'rules:\n  grade-exists: off\n  JF028: off\n  ability-to-use-gitlab: off\n  legacy-url: off\n  front-matter-invalid: off\n');
    const quiet = lint(['--quiet', '.'], hb);
    assert.equal(quiet.code, 0, quiet.out);
    writeFileSync(path.join(hb, '.jobfamily.yml'), '');
  });

  it('--severity sets the lowest severity reported; --quiet is --severity error', () => {
    const all = lintJson([ACCOUNT], hb).findings;
    const bySeverity = (fs: JsonFinding[], s: string) => fs.filter((f) => f.severity === s).length;
    assert.ok(bySeverity(all, 'info') > 0 && bySeverity(all, 'warning') > 0);
    const warnings = lintJson(['--severity', 'warning', ACCOUNT], hb).findings;
    assert.equal(bySeverity(warnings, 'info'), 0);
    assert.equal(warnings.length, all.length - bySeverity(all, 'info'));
    const errors = lintJson(['--severity', 'error', ACCOUNT], hb);
    assert.ok(errors.findings.length > 0 && errors.findings.every((f) => f.severity === 'error'));
    assert.equal(errors.code, 1);
    assert.deepEqual(lintJson(['--quiet', ACCOUNT], hb).findings, errors.findings);
    const text = lint(['--severity', 'error', ACCOUNT], hb);
    assert.match(text.out, /^4 problems \(4 errors\) in 1 file; 1 file checked$/m);
  });

  it('--max-warnings fails the run when more warnings are reported, and only then', () => {
    const three = pageWith('three-warnings.md', (t) => t.replace('title: "Backend Engineer"', 'title: "Backend Engineer"\nlayout: a\nkeywords: x\nlevel: y'));
    const { findings } = lintJson([three], hb);
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    assert.ok(warnings >= 2, JSON.stringify(findings));
    assert.ok(!findings.some((f) => f.severity === 'error'));
    assert.equal(lint([three], hb).code, 0);
    assert.equal(lint(['--max-warnings', String(warnings), three], hb).code, 0);
    const over = lint(['--max-warnings', String(warnings - 1), three], hb);
    assert.equal(over.code, 1);
    assert.match(over.out, new RegExp(`; ${warnings} warnings, more than --max-warnings ${warnings - 1}$`, 'm'));
    // Warnings that are not reported do not count.
    assert.equal(lint(['--max-warnings', '0', '--severity', 'error', three], hb).code, 0);
  });

  it('--output writes the report to a file and still prints the findings', () => {
    const out = path.join(hb, 'reports', 'findings.json');
    const r = lint(['--format', 'json', '--output', out, ACCOUNT], hb);
    assert.equal(r.code, 1);
    const written = JSON.parse(readFileSync(out, 'utf8')) as JsonFinding[];
    assert.deepEqual(written, lintJson([ACCOUNT], hb).findings);
    assert.match(r.out, /^content\/job-families\/sales\/account-manager\.md:55:39 error JF019/m);
    assert.match(r.out, /^18 problems/m);
    const text = lint(['-o', path.join(hb, 'reports', 'findings.txt'), ACCOUNT], hb);
    assert.match(readFileSync(path.join(hb, 'reports', 'findings.txt'), 'utf8'), /^content\/job-families\/sales\/account-manager\.md:55:39 error JF019/m);
    assert.equal(text.out, '18 problems (4 errors, 12 warnings, 2 info) in 1 file; 1 file checked\n');
  });

  it('groups a cause that repeats in a file: the first three, then how many more', () => {
    const spaces = pageWith('trailing.md', (t) => t.replace(/^(- .*)$/gm, '$1  '));
    const { findings } = lintJson([spaces], hb);
    const trailing = findings.filter((f) => f.code === 'JF039');
    assert.ok(trailing.length >= 6, `${trailing.length}`);
    const r = lint([spaces], hb);
    const shown = r.out.split('\n').filter((l) => / info JF039 /.test(l));
    assert.deepEqual(shown, trailing.slice(0, 3).map((f) => `${f.file}:${f.line}:${f.column} info JF039 ${f.message}`));
    assert.match(r.out, new RegExp(`^${spaces.replace(/[.]/g, '\\.')}: … and ${trailing.length - 3} more like this \\(JF039 trailing-whitespace, lines ${trailing[3]!.line}, `, 'm'));
    assert.match(r.out, new RegExp(`^${trailing.length} problems? `, 'm'), 'the summary counts every finding');
  });

  it('checks a file without .md in a job-families folder (JF009), but not images or .md files elsewhere', () => {
    mkdirSync(path.join(hb, 'content/job-families/odd'), { recursive: true });
    writeFileSync(path.join(hb, 'content/job-families/odd/field-cto.mb'), readFileSync(path.join(hb, BACKEND)));
    writeFileSync(path.join(hb, 'content/job-families/odd/partner-specialist'), readFileSync(path.join(hb, BACKEND)));
    writeFileSync(path.join(hb, 'content/job-families/odd/chart.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const { findings } = lintJson(['content/job-families/odd'], hb);
    assert.deepEqual([...new Set(findings.map((f) => f.file))].sort(), ['content/job-families/odd/field-cto.mb', 'content/job-families/odd/partner-specialist']);
    for (const file of ['field-cto.mb', 'partner-specialist']) {
      const f = findings.find((x) => x.file.endsWith(file) && x.code === 'JF009');
      assert.ok(f, file);
      assert.match(f.message, /does not end in `\.md`, so Hugo does not render it/);
    }
  });

  it('leaves out what .gitignore ignores in folders, not files named on the command line', () => {
    mkdirSync(path.join(hb, 'content/job-families/drafts'), { recursive: true });
    const draft = 'content/job-families/drafts/draft.md';
    writeFileSync(path.join(hb, draft), readFileSync(path.join(hb, ACCOUNT)));
    writeFileSync(path.join(hb, 'content/job-families/.gitignore'), 'drafts/\n');
    writeFileSync(path.join(hb, '.gitignore'), 'content/job-families/sales/account-*.md\n');
    try {
      const files = new Set(lintJson(['content/job-families'], hb).findings.map((f) => f.file));
      assert.ok(!files.has(draft), 'nested .gitignore');
      assert.ok(!files.has(ACCOUNT), 'top .gitignore');
      assert.ok(files.has('content/job-families/marketing/content-strategist.md'));
      assert.ok(new Set(lintJson([draft], hb).findings.map((f) => f.file)).has(draft));
    } finally {
      writeFileSync(path.join(hb, 'content/job-families/.gitignore'), '');
      writeFileSync(path.join(hb, '.gitignore'), '');
    }
  });

  it('takes quoted globs, matched from the working directory', () => {
    const sales = lintJson(['content/job-families/sales/*.md'], hb).findings;
    assert.deepEqual([...new Set(sales.map((f) => f.file))], [ACCOUNT]);
    const r = lint(['content/job-families/{sales,finance}/**'], hb);
    assert.match(r.out, /; 3 files checked$/m);
    // From the handbook root, `*.md` is the root's own files only: none is a page.
    assert.equal(lint(['*.md'], hb).code, 2);
  });

  it('exits 2, naming them, for paths and globs that select no job-family page', () => {
    mkdirSync(path.join(hb, 'job-family'), { recursive: true });
    writeFileSync(path.join(hb, 'job-family', 'notes.md'), '# Notes\n');
    const folder = lint(['job-family/'], hb);
    assert.equal(folder.code, 2);
    assert.equal(folder.out, '');
    assert.match(folder.err, /^jobfamily-lint: no job-family page matches "job-family\/"/);
    const mixed = lint([BACKEND, 'content/handbook', 'content/job-families/**/*.txt'], hb);
    assert.equal(mixed.code, 2);
    assert.match(mixed.err, /no job-family page matches "content\/handbook", "content\/job-families\/\*\*\/\*\.txt"/);
    const missing = lint(['content/job-familes'], hb);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder: content\/job-familes/);
  });

  it('fixes pages in place with --fix and reports what is left', () => {
    const file = path.join(hb, ACCOUNT);
    const before = readFileSync(file, 'utf8');
    const r = lintJson(['--fix', ACCOUNT], hb);
    const after = readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    assert.doesNotMatch(after, /^layout:/m);
    assert.match(after, /## Requirements\n\n- Ability to use GitLab\n- 5\+ years/);
    assert.match(after, /\[values\]\(\/handbook\/value\/#collaboration\)/, 'a guessed page is a suggestion, never applied by --fix');
    const left = r.findings;
    assert.ok(!left.some((f) => ['JF006', 'JF014', 'JF028', 'JF033'].includes(f.code)), JSON.stringify(left.map((f) => f.code)));
    assert.ok(left.some((f) => f.code === 'JF019'), 'grade 13 has no automatic fix and is still reported');
    writeFileSync(file, before);
  });

  it('lists its rules', () => {
    const r = lint(['--list-rules'], hb);
    assert.equal(r.code, 0);
    assert.match(r.out, /^JF012 {2}required-section/m);
    assert.equal(r.out.trim().split('\n').length, RULES.length);
  });

  it('--help names every option; --version prints the version', () => {
    const r = lint(['--help'], hb);
    assert.equal(r.code, 0);
    for (const o of ['--format', 'gitlab', 'sarif', '--output', '--severity', '--quiet', '--max-warnings', '--changed-since', '--stdin-filename', '--fix', '--fix-dry-run', '--fix-rule', '--root', '--config', '--list-rules']) assert.ok(r.out.includes(o), o);
    const v = lint(['--version'], hb);
    assert.equal(v.code, 0);
    assert.equal(v.out, `${(JSON.parse(readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version}\n`);
  });

  it('exits 2 with a clear message on bad usage', () => {
    const bad = [
      ['--format', 'xml'],
      ['--bogus'],
      ['no-such-file.md'],
      ['--config'],
      ['--severity', 'fatal'],
      ['--quiet', '--severity', 'info'],
      ['--max-warnings', 'many'],
      ['--max-warnings', '-1'],
      ['--fix', '--fix-dry-run'],
      ['--fix-rule', 'JF006'],
      ['--fix', '--fix-rule', 'no-such-rule'],
      ['--fix', '--fix-rule', 'JF019'],
      ['-'],
      ['--stdin-filename', 'content/job-families/x.md'],
      ['--fix', '--stdin-filename', 'content/job-families/x.md', '-'],
      ['--config', 'missing.yml', BACKEND],
    ];
    for (const args of bad) {
      const r = lint(args, hb);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.err, /^jobfamily-lint: /, args.join(' '));
      assert.equal(r.out, '', args.join(' '));
    }
  });
});
