import * as assert from 'node:assert/strict';
import { mergeConfig, parseConfigFile, RULES } from '../../server/src/service';
import { severityFor } from '../../server/src/service/config';
import { findRule } from '../../server/src/service/rules';
import { codes, findings } from '../support/service';

describe('.jobfamily.yml', () => {
  it('reads rules by code or name, files and a grade table', () => {
    const { config, problems } = parseConfigFile(
      ['rules:', '  JF012: off', '  grade-link: error', 'files:', '  - "content/job-families/**/*.md"', 'grades:', '  page: /g/', '  tables:', '    - { id: g, name: G, anchor: g, rows: [ { grade: 3, management: [], individual: [Trainee] } ] }'].join('\n'),
      RULES,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.rules, { JF012: 'off', 'grade-link': 'error' });
    assert.deepEqual(config.files, ['content/job-families/**/*.md']);
    assert.equal(config.grades?.tables[0]?.rows[0]?.grade, 3);
  });

  it('reports every problem at its position and keeps the defaults for it', () => {
    const { config, problems } = parseConfigFile(['rules:', '  grade-lnk: off', '  JF012: loud', 'fils: []', 'grades: 7'].join('\n'), RULES);
    assert.deepEqual(problems.map((p) => p.range.start.line), [1, 2, 3, 4]);
    assert.match(problems[0]!.message, /^Unknown rule `grade-lnk`: did you mean `grade-link`/);
    assert.match(problems[1]!.message, /^`JF012` must be one of error, warning, info, hint, off/);
    assert.match(problems[2]!.message, /^Unknown setting `fils`: did you mean `files`/);
    assert.match(problems[3]!.message, /^`grades` must have `page` and `tables`/);
    assert.deepEqual(config.rules, {});
    assert.equal(config.grades, undefined);
  });

  it('survives invalid YAML with one clear problem', () => {
    const { config, problems } = parseConfigFile('rules: [unclosed', RULES);
    assert.deepEqual(config, {});
    assert.equal(problems.length, 1);
    assert.match(problems[0]!.message, /not valid YAML.*defaults apply/);
  });

  it('layers settings over the file over the defaults, rule by rule', () => {
    const c = mergeConfig({ rules: { JF012: 'warning', 'grade-link': 'off' } }, { rules: { JF012: 'info' } });
    assert.equal(severityFor(findRule('JF012')!, c), 'info');
    assert.equal(severityFor(findRule('JF020')!, c), 'off');
    assert.equal(severityFor(findRule('JF019')!, c), 'error');
  });

  it('never calls a rule that is off', async () => {
    const rule = findRule('JF019')!;
    const original = rule.check.bind(rule);
    let calls = 0;
    (rule as { check: typeof original }).check = (ctx) => {
      calls++;
      original(ctx);
    };
    try {
      const page = '## Job Grade\n\nThe A is a [grade 13](/c/compensation-calculator/#gitlab-job-grades).\n';
      assert.ok(codes(await findings(page)).includes('JF019'));
      const before = calls;
      assert.ok(!codes(await findings(page, undefined, mergeConfig({ rules: { 'grade-exists': 'off' } }))).includes('JF019'));
      assert.equal(calls, before);
    } finally {
      (rule as { check: typeof original }).check = original;
    }
  });

  it('applies a configured severity to the findings', async () => {
    const page = '## Job Grade\n\nThe A is a [grade 13](/c/compensation-calculator/#gitlab-job-grades).\n';
    const f = (await findings(page, undefined, mergeConfig({ rules: { JF019: 'hint' } }))).find((x) => x.rule.meta.id === 'JF019');
    assert.equal(f?.severity, 'hint');
  });
});
