import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { lint, lintJson } from '../support/cli';
import { copyOfExamples } from '../support/lspClient';

const ACCOUNT = 'content/job-families/sales/account-manager.md';
const STRATEGIST = 'content/job-families/marketing/content-strategist.md';

describe('jobfamily-lint fixes', function () {
  this.timeout(60_000);
  let hb: string;
  let account: string;
  beforeEach(() => {
    hb = copyOfExamples();
    account = readFileSync(path.join(hb, ACCOUNT), 'utf8');
  });

  const write = (rel: string, data: string | Buffer): string => {
    const file = path.join(hb, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, data);
    return file;
  };

  it('--fix-dry-run prints a unified diff that git apply turns into what --fix writes, and writes nothing', () => {
    const twin = mkdtempSync(path.join(os.tmpdir(), 'jfa-twin-'));
    cpSync(hb, twin, { recursive: true });
    const dry = lint(['--fix-dry-run', 'content/job-families'], hb);
    assert.equal(dry.code, 1, dry.err);
    assert.equal(readFileSync(path.join(hb, ACCOUNT), 'utf8'), account, 'nothing written');
    assert.match(dry.out, /^--- a\/content\/job-families\/sales\/account-manager\.md\n\+\+\+ b\/content\/job-families\/sales\/account-manager\.md\n@@ -\d+,\d+ \+\d+,\d+ @@/m);
    assert.match(dry.out, /^-layout: job_family_page$/m);
    assert.match(dry.err, /; --fix would change 1 file$/m);
    const patch = path.join(twin, 'fix.patch');
    writeFileSync(patch, dry.out);
    const applied = spawnSync('git', ['apply', '--unsafe-paths', '-p1', patch], { cwd: hb, encoding: 'utf8' });
    assert.equal(applied.status, 0, applied.stderr);
    const fix = lint(['--fix', 'content/job-families'], twin);
    assert.match(fix.out, /; fixed 1 file$/m);
    assert.equal(readFileSync(path.join(hb, ACCOUNT), 'utf8'), readFileSync(path.join(twin, ACCOUNT), 'utf8'));
    // Nothing left to fix: the diff is empty.
    assert.equal(lint(['--fix-dry-run', ACCOUNT], twin).out, '');
  });

  it('--fix-rule limits the fixes to the named rules, by code or name', () => {
    const r = lintJson(['--fix', '--fix-rule', 'layout-obsolete', '--fix-rule', 'JF028', ACCOUNT], hb);
    const after = readFileSync(path.join(hb, ACCOUNT), 'utf8');
    assert.doesNotMatch(after, /^layout:/m);
    assert.doesNotMatch(after, /his or her/);
    assert.match(after, /^## Requirments$/m, 'heading-spelling was not asked for');
    assert.match(after, /about\.gitlab\.com\/handbook\/hiring/, 'legacy-url was not asked for');
    assert.deepEqual(r.findings.filter((f) => ['JF006', 'JF028'].includes(f.code)), []);
    assert.ok(r.findings.some((f) => f.code === 'JF014'));
    const dry = lint(['--fix-dry-run', '--fix-rule', 'JF014', ACCOUNT], hb);
    assert.deepEqual(dry.out.split('\n').filter((l) => /^[-+][^-+]/.test(l)), ['-## Requirments', '+## Requirements']);
  });

  it('writes atomically: the file keeps its mode, and no temporary file is left', () => {
    const file = path.join(hb, ACCOUNT);
    chmodSync(file, 0o640);
    const inode = statSync(file).ino;
    assert.equal(lint(['--fix', ACCOUNT], hb).code, 1);
    assert.notEqual(readFileSync(file, 'utf8'), account);
    assert.equal(statSync(file).mode & 0o777, 0o640);
    assert.notEqual(statSync(file).ino, inode, 'replaced by rename, not rewritten in place');
    assert.deepEqual(readdirSync(path.dirname(file)).filter((n) => n.includes('.tmp')), []);
  });

  it('keeps a BOM and CRLF line endings, and lines no fix touches stay byte for byte', () => {
    const crlf = '\uFEFF' + account.replace(/\n/g, '\r\n');
    const file = write('content/job-families/sales/crlf-manager.md', crlf);
    lint(['--fix', 'content/job-families/sales/crlf-manager.md'], hb);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    assert.doesNotMatch(text, /[^\r]\n/, 'every line break is still CRLF');
    assert.doesNotMatch(text, /^layout:/m);
    // The same fixes as on the LF page.
    lint(['--fix', ACCOUNT], hb);
    assert.equal(text, readFileSync(path.join(hb, ACCOUNT), 'utf8').replace(/\n/g, '\r\n'));
  });

  it('mixed line endings: only the fixed lines change', () => {
    const mixed = account.split('\n').map((l, i) => (i % 3 === 0 ? `${l}\r` : l)).join('\n');
    const file = write('content/job-families/sales/mixed-manager.md', mixed);
    lint(['--fix', 'content/job-families/sales/mixed-manager.md'], hb);
    const after = readFileSync(file, 'utf8');
    const beforeLines = mixed.split('\n');
    const afterLines = new Set(after.split('\n'));
    const kept = beforeLines.filter((l) => afterLines.has(l));
    assert.ok(kept.filter((l) => l.endsWith('\r')).length > 10, 'CR-ended lines kept as they were');
    assert.ok(kept.length > beforeLines.length - 12, `${beforeLines.length - kept.length} lines changed`);
  });

  it('reports a file that is not UTF-8 and never writes it', () => {
    const latin1 = Buffer.from(account.replace('title: "Account Manager"', 'title: "Account Manager, Région"'), 'latin1');
    assert.ok(latin1.includes(0xe9));
    const file = write('content/job-families/sales/latin1-manager.md', latin1);
    const r = lintJson(['--fix', 'content/job-families/sales/latin1-manager.md'], hb);
    assert.ok(readFileSync(file).equals(latin1), 'byte for byte');
    const f = r.findings.find((x) => x.code === 'JF010');
    assert.ok(f, JSON.stringify(r.findings.map((x) => x.code)));
    assert.match(f.message, /not valid UTF-8 \(first bad byte at offset \d+\)/);
    assert.equal(f.severity, 'warning');
    assert.match(r.err, /latin1-manager\.md: not valid UTF-8, left unchanged/);
    assert.ok(r.findings.some((x) => x.code === 'JF006'), 'the rest of the page is still checked');
    assert.equal(lint(['--fix-dry-run', 'content/job-families/sales/latin1-manager.md'], hb).out, '');
  });

  it('a binary file is reported once, as binary, and never written', () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(64, 0xff)]);
    const file = write('content/job-families/sales/picture.md', png);
    const r = lintJson(['--fix', 'content/job-families/sales/picture.md'], hb);
    assert.ok(readFileSync(file).equals(png));
    assert.deepEqual(r.findings.map((f) => [f.code, f.message]), [['JF010', 'The file is binary, not Markdown: it is not checked.']]);
  });

  it('leaves a page whose front matter cannot be parsed byte for byte', () => {
    const file = path.join(hb, STRATEGIST);
    const before = readFileSync(file);
    writeFileSync(file, Buffer.concat([before, Buffer.from('Trailing spaces   \n* a star bullet\n')]));
    const withDefects = readFileSync(file);
    const r = lint(['--fix', STRATEGIST], hb);
    assert.ok(readFileSync(file).equals(withDefects));
    assert.match(r.err, /content-strategist\.md: its front matter cannot be parsed; left unchanged/);
    assert.match(r.out, / error JF002 /);
  });

  it('never writes through a symbolic link out of the checkout', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'jfa-outside-'));
    const target = path.join(outside, 'account-manager.md');
    writeFileSync(target, account);
    symlinkSync(target, path.join(hb, 'content/job-families/sales/linked-out.md'));
    // Named on the command line: checked, not written.
    const named = lintJson(['--fix', 'content/job-families/sales/linked-out.md'], hb);
    assert.equal(readFileSync(target, 'utf8'), account);
    assert.match(named.err, /linked-out\.md: it is a symbolic link to .*account-manager\.md, outside the workspace .*; not fixed/);
    assert.ok(named.findings.some((f) => f.code === 'JF006' && f.file === 'content/job-families/sales/linked-out.md'), 'still checked');
    // In a folder walk: not even read.
    const walked = lintJson(['--fix', 'content/job-families/sales'], hb);
    assert.equal(readFileSync(target, 'utf8'), account);
    assert.ok(!walked.findings.some((f) => f.file.endsWith('linked-out.md')));
    assert.match(walked.err, /linked-out\.md: a symbolic link out of the workspace; not checked/);
    assert.ok(lstatSync(path.join(hb, 'content/job-families/sales/linked-out.md')).isSymbolicLink());
  });

  it('fixes the target of a symbolic link inside the checkout and keeps the link', () => {
    const link = path.join(hb, 'content/job-families/sales/alias.md');
    symlinkSync('account-manager.md', link);
    assert.equal(lint(['--fix', 'content/job-families/sales/alias.md'], hb).code, 1);
    assert.ok(lstatSync(link).isSymbolicLink());
    assert.doesNotMatch(readFileSync(path.join(hb, ACCOUNT), 'utf8'), /^layout:/m);
  });

  it('writes a description without a space before punctuation when the overview has links', () => {
    const page = account
      .replace(/^description:.*\n/m, '')
      .replace(/^Account managers look .*\n.*$/m, 'The account manager works with [Sales](/handbook/sales/), [Finance](/handbook/finance/) and Legal (see the [guide](/handbook/legal/)).');
    write('content/job-families/sales/described.md', page);
    lint(['--fix', '--fix-rule', 'description-recommended', 'content/job-families/sales/described.md'], hb);
    const after = readFileSync(path.join(hb, 'content/job-families/sales/described.md'), 'utf8');
    const description = /^description: (.*)$/m.exec(after)?.[1];
    assert.equal(description, '"The account manager works with Sales, Finance and Legal (see the guide)."');
  });
});
