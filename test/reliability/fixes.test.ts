import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { toUri, FileWorkspace } from '../../server/src/node/fileWorkspace';
import { NEVER_CANCELLED } from '../../server/src/service';
import { parseModel } from '../../server/src/service/model/model';
import { corpusPages, HANDBOOK } from '../support/corpusPages';
import { examplesWorkspace, PAGE_URI } from '../support/examplesWorkspace';
import { recordFigure } from '../support/figures';
import { checkFixes, describeProblems, loggedService, type LoggedService } from '../support/fixCheck';
import { SHAPES } from '../support/hostile';
import { copyOfExamples } from '../support/lspClient';
import { OverlayWorkspace } from '../support/overlayWorkspace';
import { ROOT } from '../support/paths';

const MODES = [
  ['safe fixes', false],
  ['with suggestions', true],
] as const;

const GRADE_PAGE = (grade: string, eol = '\n'): string =>
  ['---', 'title: "Senior Backend Engineer"', '---', '', '## Levels', '', '### Senior Backend Engineer', '', '#### Senior Backend Engineer Job Grade', '', `The Senior Backend Engineer is a ${grade}.`, ''].join(eol);

/** Pages that fixing once broke or that sit where fixes must not go. */
const KNOWN: readonly [string, string][] = [
  ['an unclosed front matter', '---\ntitle: "T"\n'],
  ['an unclosed front matter over a body', '---\ntitle: "T"\nlayout: job_family_page\n\n## Levels\n\nThe Senior is a grade 7.\n'],
  ['a grade linked to a path with a space', GRADE_PAGE('[grade 7](/handbook/total rewards/)')],
  ['a grade next to an unclosed code fence', `${GRADE_PAGE('grade 7')}\`\`\`\ncode\n`],
  ['a grade inside an unclosed code fence', `${GRADE_PAGE('grade 7').replace('The Senior', '```\nThe Senior')}`],
  ['CRLF line endings', `${GRADE_PAGE('grade 7', '\r\n').replace('---\r\n\r\n', '---\r\nlayout: job_family_page\r\n---\r\n')}  \r\n\r\n\r\n* item\r\n`],
  ['lone CR line endings', `${GRADE_PAGE('grade 7', '\r').replace('---\r\r', '---\rlayout: job_family_page\r---\r')}  \r\r\r* item\r`],
  // The long fuzzing run's (seed 1650080179): the level-structure fix added `#` before setext headings, again and again.
  [
    'setext headings where a level needs another depth',
    '---\ntitle: Senior Backend Engineer\n---\n\n[grade 3](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)\n`code`\nAssociate Backend Engineer\n---\n[the](</handbook/hiring/>)\n[3](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades) [the](/handbook/hiring/\né\nJob Grade{#custom-id}\n===',
  ],
  // Seed 236734428: a section inserted between a link reference definition and the indented setext heading it shares a paragraph with turned the heading into code.
  ['a setext heading after a link reference definition', '\r\n[r1]: /handbook/hiring/\r\n       <https://about.gitlab.com/handbook/hiring/> Job Grade: 3\r\nHiring process{#custom-id}\r\n==='],
  // Seed 39195484: a level titled by a heading with links and "is a 3." in it got its grade sentence written with that title, again and again.
  ['a level heading with links and a grade sentence in it', '---\r\ntitle: Senior Backend Engineer\r\n---\r\n\r\n# [reports to the Director]({{< ref "hiring" >}}) is a 3. [ten years of experience]({{< ref "hiring" >}})\r\n### Job Grade{#custom-id}'],
  // Seed 39195484 again: a link inside a setext heading was pointed at that heading's own ID, which its destination is part of.
  ['a link in a heading to the heading itself', '+++\r\n+++\r\n\r\nResponsibilities{#custom-id}\r\n[the] (#senior-backend-engineer-job-grade) the\r\n==='],
  ['lone CR line endings, no blank line after the front matter', '---\rtitle: "T"\r---\r## Levels\r\r### Senior\r\r#### Senior Job Grade\rThe Senior is a grade 7.\r'],
];

const uriOf = (rel: string): string => toUri(path.join(HANDBOOK, 'content', 'job-families', rel));

describe('fixes are lossless and idempotent', function () {
  this.timeout(300_000);

  describe('known cases', () => {
    let service: LoggedService;
    before(async () => {
      service = loggedService(new OverlayWorkspace(examplesWorkspace()));
      await service.ls.initialize(NEVER_CANCELLED);
    });
    for (const [name, text] of KNOWN) {
      for (const [mode, suggestions] of MODES) {
        it(`${name} (${mode})`, async () => {
          const r = await checkFixes(service, PAGE_URI, text, suggestions);
          assert.deepEqual(r.problems, [], describeProblems(name, mode, r.problems));
        });
      }
    }

    it('a legacy URL written as an autolink is still a link after the safe fixes', async () => {
      const text = '---\ntitle: "Senior Backend Engineer"\ndescription: "D"\n---\n\nSee <https://about.gitlab.com/handbook/hiring/> for more.\n';
      const r = await service.ls.fixText(PAGE_URI, text, {}, NEVER_CANCELLED);
      const before = parseModel(text, PAGE_URI).links.length;
      const after = parseModel(r.text, PAGE_URI).links.length;
      assert.equal(after, before, `links before ${before}, after ${after}: ${JSON.stringify(r.text.split('\n')[5])}`);
    });

    it('jobfamily-lint --fix leaves an unclosed front matter as it is and keeps the file', () => {
      const hb = copyOfExamples();
      const dir = path.join(hb, 'content', 'job-families', 'odd');
      mkdirSync(dir, { recursive: true });
      const file = path.join(dir, 'unclosed.md');
      const text = '---\ntitle: "T"\n';
      writeFileSync(file, text);
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--fix', 'content/job-families/odd/unclosed.md'], { cwd: hb, encoding: 'utf8' });
      assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
      assert.doesNotMatch(r.stderr, /kept changing|Error/);
      assert.equal(readFileSync(file, 'utf8'), text);
    });
  });

  describe('each hostile shape (at its smallest measured size)', () => {
    let service: LoggedService;
    before(async () => {
      service = loggedService(new OverlayWorkspace(examplesWorkspace()));
      await service.ls.initialize(NEVER_CANCELLED);
    });
    for (const shape of SHAPES) {
      for (const [mode, suggestions] of MODES) {
        it(`${shape.name} (${mode})`, async () => {
          const r = await checkFixes(service, PAGE_URI, shape.page(shape.full / 8), suggestions);
          assert.deepEqual(r.problems, [], describeProblems(shape.name, mode, r.problems));
        });
      }
    }
  });

  describe('every corpus page, in the real handbook checkout', () => {
    const pages = corpusPages();
    let service: LoggedService;
    const stats = { checks: 0, changed: 0, maxPasses: 0 };
    before(async function () {
      this.timeout(120_000);
      // Link fixes need the handbook; the corpus pages are laid over its job families, as if saved there.
      assert.ok(existsSync(HANDBOOK), `the handbook checkout at ${HANDBOOK}`);
      const workspace = new OverlayWorkspace(FileWorkspace.fromPaths([HANDBOOK]));
      for (const page of pages) workspace.setUri(uriOf(page.rel), page.text);
      service = loggedService(workspace);
      await service.ls.initialize(NEVER_CANCELLED);
    });
    after(() => recordFigure('fixes', 'corpus', stats));

    it('has the corpus pages', () => assert.ok(pages.length >= 112, `${pages.length} pages`));
    for (const page of pages) {
      for (const [mode, suggestions] of MODES) {
        it(`${page.rel} (${mode})`, async () => {
          const r = await checkFixes(service, uriOf(page.rel), page.text, suggestions);
          stats.checks++;
          if (r.changed) stats.changed++;
          stats.maxPasses = Math.max(stats.maxPasses, r.passes);
          assert.deepEqual(r.problems, [], describeProblems(page.rel, mode, r.problems));
        });
      }
    }
  });
});
