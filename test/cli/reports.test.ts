import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../server/src/service';
import { SARIF_MULTITOOL, lint, lintJson } from '../support/cli';
import { copyOfExamples } from '../support/lspClient';
import { CORPUS } from '../support/paths';

const ACCOUNT = 'content/job-families/sales/account-manager.md';

interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number; end?: number } };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; name: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
    results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } } }[] }[];
  }[];
}

function gitlabReport(args: string[], cwd: string): CodeQualityIssue[] {
  const r = lint(['--format', 'gitlab', ...args], cwd);
  assert.ok(r.code === 0 || r.code === 1, r.err);
  return JSON.parse(r.out) as CodeQualityIssue[];
}

/** Runs `sarif-multitool validate`; its findings about the log, as `level rule: message` lines. */
function validateSarif(file: string): string[] {
  const out = path.join(path.dirname(file), `${path.basename(file)}.validation.sarif`);
  rmSync(out, { force: true });
  const r = spawnSync(SARIF_MULTITOOL, ['validate', file, '-o', out], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.ok(existsSync(out), r.stdout + r.stderr);
  const log = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { ruleId: string; level?: string; message: { text?: string; id?: string; arguments?: string[] } }[] }[] };
  return log.runs.flatMap((run) => run.results ?? []).map((x) => `${x.level ?? 'warning'} ${x.ruleId}: ${x.message.text ?? `${x.message.id} ${(x.message.arguments ?? []).join(' ')}`}`);
}

describe('jobfamily-lint reports', function () {
  this.timeout(120_000);
  let hb: string;
  before(() => {
    hb = copyOfExamples();
  });

  it('--format gitlab writes a Code Quality report with the CLI findings', () => {
    const issues = gitlabReport([ACCOUNT], hb);
    const findings = lintJson([ACCOUNT], hb).findings;
    assert.equal(issues.length, findings.length);
    const severity: Record<string, string> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };
    findings.forEach((f, i) => {
      const issue = issues[i]!;
      assert.equal(issue.check_name, f.code);
      assert.ok(issue.description.startsWith(f.message), issue.description);
      assert.equal(issue.severity, severity[f.severity]);
      assert.deepEqual(issue.location, { path: f.file, lines: { begin: f.line, end: f.endLine } });
      assert.match(issue.fingerprint, /^[0-9a-f]{32}$/);
    });
    for (const issue of issues) assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
  });

  it('Code Quality fingerprints stay the same when lines are added above, and never repeat', () => {
    const file = path.join(hb, ACCOUNT);
    const original = readFileSync(file, 'utf8');
    // Trailing spaces on every bullet: many findings with the same rule, message and text.
    const repeated = original.replace(/^(- .*)$/gm, '$1  ');
    writeFileSync(file, repeated);
    const before = gitlabReport([ACCOUNT], hb);
    assert.ok(before.filter((i) => i.check_name === 'JF039').length > 5);
    assert.equal(new Set(before.map((i) => i.fingerprint)).size, before.length, 'unique');

    // Two unrelated lines at the top of the body move every finding down by two.
    const lines = repeated.split('\n');
    const bodyStart = lines.indexOf('---', 1) + 2;
    lines.splice(bodyStart, 0, 'The team works in the open, across time zones.', '');
    writeFileSync(file, lines.join('\n'));
    const after = gitlabReport([ACCOUNT], hb);
    writeFileSync(file, original);
    assert.equal(after.length, before.length);
    const byPrint = new Map(after.map((i) => [i.fingerprint, i]));
    for (const b of before) {
      const a = byPrint.get(b.fingerprint);
      assert.ok(a, `${b.check_name} at ${b.location.lines.begin} lost its fingerprint`);
      assert.equal(a.check_name, b.check_name);
      assert.equal(a.description, b.description);
      assert.equal(a.location.lines.begin, b.location.lines.begin + (b.location.lines.begin > bodyStart ? 2 : 0));
    }
  });

  it('fingerprints are unique over the whole corpus', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jfa-corpus-'));
    const r = spawnSync('cp', ['-r', path.join(CORPUS, 'job-families'), path.join(dir, 'job-families')]);
    assert.equal(r.status, 0);
    const issues = gitlabReport(['job-families'], dir);
    assert.ok(issues.length > 500, `a report of the whole corpus, not ${issues.length} issues`);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });

  it('--format sarif is SARIF 2.1.0 that sarif-multitool validates with no error or warning', () => {
    const file = path.join(hb, 'findings.sarif');
    const r = lint(['--format', 'sarif', '--output', file, '.'], hb);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0]!;
    const { rules } = run.tool.driver;
    assert.equal(run.tool.driver.name, 'jobfamily-lint');
    assert.deepEqual(rules.map((x) => x.id), RULES.map((x) => x.meta.id));
    for (const [i, rule] of rules.entries()) {
      const meta = RULES[i]!.meta;
      assert.equal(rule.helpUri, `https://unpkg.com/job-family-authoring@${run.tool.driver.version}/docs/rules/${meta.id}.md`);
      assert.match(rule.name, /^[A-Z][A-Za-z0-9]+$/);
      assert.equal(rule.shortDescription.text, meta.description);
      assert.equal(rule.defaultConfiguration.level, { error: 'error', warning: 'warning', info: 'note', hint: 'note' }[meta.severity]);
    }
    const findings = lintJson(['.'], hb).findings;
    assert.equal(run.results.length, findings.length);
    run.results.forEach((res, i) => {
      const f = findings[i]!;
      assert.equal(res.ruleId, f.code);
      assert.equal(rules[res.ruleIndex]!.id, f.code);
      const loc = res.locations[0]!.physicalLocation;
      assert.deepEqual([loc.artifactLocation.uri, loc.artifactLocation.uriBaseId, loc.region.startLine, loc.region.startColumn], [f.file, 'SRCROOT', f.line, f.column]);
    });
    assert.deepEqual(validateSarif(file), []);
    // A page with no problem gives a log with no results, valid too.
    const clean = path.join(hb, 'clean.sarif');
    assert.equal(lint(['--format', 'sarif', '-o', clean, 'content/job-families/engineering/backend-engineer.md'], hb).code, 0);
    assert.equal((JSON.parse(readFileSync(clean, 'utf8')) as SarifLog).runs[0]!.results.length, 0);
    assert.deepEqual(validateSarif(clean), []);
  });

  it('the SARIF check can fail: the validator rejects a broken log', () => {
    const file = path.join(hb, 'broken.sarif');
    lint(['--format', 'sarif', '-o', file, ACCOUNT], hb);
    const log = JSON.parse(readFileSync(file, 'utf8')) as SarifLog;
    log.runs[0]!.tool.driver.rules[0]!.helpUri = 'not a uri';
    log.runs[0]!.results[0]!.ruleIndex = 999;
    writeFileSync(file, JSON.stringify(log));
    const problems = validateSarif(file);
    assert.ok(problems.some((p) => p.startsWith('error SARIF1002')), problems.join('\n'));
    assert.ok(problems.some((p) => p.startsWith('error SARIF1009')), problems.join('\n'));
  });
});
