import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { createLanguageService, NEVER_CANCELLED, type LanguageService, type RuleFinding } from '../../server/src/service';
import { FileWorkspace, toUri } from '../../server/src/node/fileWorkspace';
import { corpusPages, FAMILIES } from '../support/corpusPages';
import { OverlayWorkspace } from '../support/overlayWorkspace';
import { CORPUS, HANDBOOK } from '../support/paths';

/**
 * Every corpus page laid over the folder `root` at content/job-families (read from nowhere
 * else), each opened, checked and closed in turn: its findings by path under job-families.
 */
async function checkCorpusIn(root: string): Promise<{ service: LanguageService; findings: Map<string, RuleFinding[]> }> {
  const pages = corpusPages();
  const workspace = new OverlayWorkspace(FileWorkspace.fromPaths([root]));
  const uriOf = (rel: string): string => toUri(path.join(root, 'content', 'job-families', rel));
  for (const p of pages) workspace.setUri(uriOf(p.rel), p.text);
  const service = createLanguageService({ workspace });
  await service.initialize(NEVER_CANCELLED);
  const findings = new Map<string, RuleFinding[]>();
  for (const p of pages) {
    const uri = uriOf(p.rel);
    service.openDocument({ uri, version: 1, getText: () => p.text }, { jobFamily: true });
    findings.set(p.rel, await service.getFindings(uri, NEVER_CANCELLED));
    await service.closeDocument(uri, NEVER_CANCELLED);
  }
  return { service, findings };
}

/**
 * Links of real pages whose fate on the published site is known (checked against the site
 * Hugo builds from the checkout, docs/precision/links.md): page, 1-based line, the link's
 * destination, and what the checker must say about it there.
 */
const PINNED: readonly { page: string; line: number; href: string; says: 'broken page' | 'broken anchor' | 'redirect' | 'nothing' }[] = [
  { page: 'chief-executive-officer/chief-of-staff.md', line: 45, href: '/handbook/ceo/office-of-the-ceo/#many-functional', says: 'broken page' },
  { page: 'chief-executive-officer/chief-of-staff.md', line: 30, href: '/handbook/company/gitlab-all-company-meetings/#quarterly-kickoff', says: 'broken anchor' },
  { page: 'engineering/development/backend/senior.md', line: 22, href: '/hiring/conducting-a-gitlab-interview/#interviewer-training-requirements', says: 'redirect' },
  { page: 'chief-executive-officer/chief-of-staff.md', line: 27, href: '/handbook/company/structure/#e-group', says: 'nothing' },
  { page: 'chief-executive-officer/chief-of-staff.md', line: 29, href: '/handbook/communication/', says: 'nothing' },
  { page: 'chief-executive-officer/chief-of-staff.md', line: 11, href: '/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades', says: 'nothing' },
];

const LINK_RULES = new Set(['JF037', 'JF038']);

describe('the corpus job families inside the real handbook checkout', function () {
  this.timeout(300_000);
  if (!existsSync(path.join(HANDBOOK, 'content', 'handbook')) || !existsSync(FAMILIES)) {
    it(`finds the handbook at ${HANDBOOK} and the corpus at ${CORPUS} (set JOBFAMILY_HANDBOOK, JOBFAMILY_CORPUS)`, () => assert.fail('missing'));
    return;
  }
  let service: LanguageService;
  let findings: Map<string, RuleFinding[]>;

  before(async () => {
    ({ service, findings } = await checkCorpusIn(HANDBOOK));
  });

  it('indexes the whole checkout and checks every corpus page without a crash', () => {
    assert.ok(service.index.size > 4000, `${service.index.size} pages indexed`);
    assert.equal(findings.size, corpusPages().length);
    for (const [rel, list] of findings) assert.ok(!list.some((f) => f.rule.meta.id === 'JF010'), `${rel} could not be checked`);
  });

  for (const pin of PINNED) {
    it(`${pin.page}:${pin.line} ${pin.href}: ${pin.says}`, () => {
      const text = readFileSync(path.join(FAMILIES, pin.page), 'utf8');
      assert.ok(text.split('\n')[pin.line - 1]!.includes(`](${pin.href})`), 'the page still has the link');
      const here = (findings.get(pin.page) ?? []).filter((f) => LINK_RULES.has(f.rule.meta.id) && f.range.start.line === pin.line - 1 && f.message.includes(pin.href.split('#')[0]!));
      const described = here.map((f) => `${f.rule.meta.id} ${f.severity}: ${f.message}`).join('\n');
      if (pin.says === 'nothing') assert.deepEqual(here, [], described);
      else if (pin.says === 'broken page') assert.ok(here.some((f) => f.rule.meta.id === 'JF038' && f.severity !== 'info'), described);
      else if (pin.says === 'broken anchor') assert.ok(here.some((f) => f.rule.meta.id === 'JF037' && f.severity !== 'info'), described);
      else {
        const redirect = here.find((f) => f.rule.meta.id === 'JF038');
        assert.equal(redirect?.severity, 'info', described);
        assert.ok(redirect?.fix?.edits.some((e) => /^\/handbook\/hiring\/conducting-a-gitlab-interview\/(#interviewer-training-requirements)?$/.test(e.newText)), 'the fix links to where the redirect lands');
      }
    });
  }
});

describe('the corpus job families alone, as a sparse checkout holds them', function () {
  this.timeout(120_000);
  if (!existsSync(FAMILIES)) {
    it(`finds the corpus at ${CORPUS} (set JOBFAMILY_CORPUS)`, () => assert.fail('missing'));
    return;
  }
  const linkFindings: string[] = [];

  before(async () => {
    // Only content/job-families: no handbook pages, no site configuration.
    const { findings } = await checkCorpusIn(path.join(HANDBOOK, '.sparse-checkout-that-does-not-exist'));
    for (const [rel, list] of findings) for (const f of list) if (LINK_RULES.has(f.rule.meta.id)) linkFindings.push(`${rel}:${f.range.start.line + 1} ${f.rule.meta.id} ${f.message}`);
  });

  it('reports no link into the parts of the site the folder does not hold', () => {
    // What may be reported: an anchor missing on a page of the folder itself or on the page, an
    // anchor no heading can have, a host written as a path: none needs the rest of the site.
    const outside = linkFindings.filter((f) => !/ on `\/job-families\/| on this page|no heading ID can have|handbook\.gitlab\.com/.test(f));
    // Links the folder can judge are still judged.
    assert.ok(linkFindings.some((f) => f.startsWith('engineering/engineering-management.md:159 JF037')), linkFindings.join('\n'));
    assert.deepEqual(outside, [], linkFindings.join('\n'));
    assert.ok(!linkFindings.some((f) => /`\/handbook\//.test(f) && !/handbook\.gitlab\.com/.test(f)), linkFindings.join('\n'));
  });
});
