import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../support/paths';

interface Judged {
  readonly file: string;
  readonly href: string;
  readonly status: string;
}

interface LinkJudgement {
  readonly verdicts: readonly Judged[];
  readonly brokenFound: readonly Judged[];
  readonly brokenMissed: readonly Judged[];
  readonly falseAlarms: readonly Judged[];
  readonly redirectedAsError: readonly Judged[];
}

// scripts/link-oracle.mjs renders the real handbook with the corpus job families in Hugo,
// judges every internal link of those pages the way GitLab Pages serves Hugo's output
// (pages, `_redirects`, anchors) and matches the verdicts with JF037/JF038 findings; its
// report is docs/precision/links.md. The goal: at least 95% of the broken links
// found, and at least 95% of the link warnings and errors on broken links.
describe('links judged by Hugo on the real handbook', function () {
  this.timeout(300_000);
  let r: LinkJudgement;
  before(async () => {
    const oracle = (await import(pathToFileURL(path.join(ROOT, 'scripts', 'link-oracle.mjs')).href)) as { judgeLinks(): Promise<LinkJudgement> };
    r = await oracle.judgeLinks();
  });

  const list = (xs: readonly Judged[]): string => xs.slice(0, 10).map((v) => `${v.file} ${v.href} (${v.status})`).join('\n');

  it('judges the job-family pages\' links, broken ones among them', () => {
    assert.ok(r.verdicts.length > 1000, `${r.verdicts.length} links`);
    assert.ok(r.brokenFound.length + r.brokenMissed.length > 100, 'the checkout is known to hold over 100 broken links');
  });

  it('reports at least 95% of the links Hugo and the redirects cannot serve', () => {
    const broken = r.brokenFound.length + r.brokenMissed.length;
    assert.ok(r.brokenFound.length >= 0.95 * broken, `${r.brokenFound.length} of ${broken} found; missed:\n${list(r.brokenMissed)}`);
  });

  it('at least 95% of its link warnings and errors are on broken links; a redirected link is never one', () => {
    const alarms = r.brokenFound.length + r.falseAlarms.length + r.redirectedAsError.length;
    assert.ok(r.brokenFound.length >= 0.95 * alarms, `${r.brokenFound.length} of ${alarms}; on working links:\n${list(r.falseAlarms)}`);
    assert.deepEqual(r.redirectedAsError, []);
  });
});
