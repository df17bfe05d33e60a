import * as assert from 'node:assert/strict';
import { parseRedirectTemplate, Redirects } from '../../server/src/service/handbook/redirects';
import { MemoryWorkspace } from '../support/memoryWorkspace';
import { codes, doc, findingsOf, initialized } from '../support/service';

const TEMPLATE = [
  '# comment',
  '{{ $aliases := newScratch -}}',
  '{{- range $p := .Site.Pages -}}',
  '{{- $aliases.Add $p.RelPermalink $p.Aliases -}}',
  '{{- end -}}',
  '{{ printf "\\n# Aliases" }}',
  '',
  '/handbook/*.html /handbook/:splat/ 301',
  '/handbook/old/ /handbook/new/ 301',
  '/handbook/old/* /handbook/new/:splat 301',
  '/handbook/gone/ /handbook/missing/ 301',
  '/handbook/away/ https://example.com/away 302',
  '/handbook/teapot/ /handbook/new/ 418',
  '/handbook/chain/ /handbook/old/ 301',
].join('\n');

describe('the site\'s redirects', () => {
  it('reads the literal rules of layouts/index.redirects, not its template actions or comments', () => {
    const rules = parseRedirectTemplate(TEMPLATE, 'layouts/index.redirects');
    assert.deepEqual(rules.map((r) => `${r.from} ${r.to} ${r.status}`), [
      '/handbook/*.html /handbook/:splat/ 301',
      '/handbook/old/ /handbook/new/ 301',
      '/handbook/old/* /handbook/new/:splat 301',
      '/handbook/gone/ /handbook/missing/ 301',
      '/handbook/away/ https://example.com/away 302',
      '/handbook/teapot/ /handbook/new/ 418',
      '/handbook/chain/ /handbook/old/ 301',
    ]);
    assert.equal(rules[0]!.origin, 'layouts/index.redirects:8');
  });

  it('matches the first rule, fills in splats, and ignores statuses that do not serve a page', () => {
    const r = new Redirects(parseRedirectTemplate(TEMPLATE, 't'));
    assert.equal(r.match('/handbook/old')?.target, '/handbook/new/', 'with or without the trailing slash');
    assert.equal(r.match('/handbook/old/deeper/page/')?.target, '/handbook/new/deeper/page/');
    assert.equal(r.match('/handbook/values.html')?.target, '/handbook/values/');
    assert.equal(r.match('/handbook/teapot/'), undefined);
    assert.equal(r.match('/handbook/nothing/'), undefined);
  });
});

function checkout(extra: Record<string, string> = {}): MemoryWorkspace {
  return new MemoryWorkspace({
    'config/_default/config.yaml': 'markup: {}\n',
    'layouts/index.redirects': TEMPLATE,
    'content/handbook/_index.md': '---\ntitle: Handbook\n---\n',
    'content/handbook/new/_index.md': '---\ntitle: New\n---\n\n## Arrival\n',
    'content/handbook/new/deeper/page.md': '---\ntitle: Deep\n---\n\n## Deep part\n',
    'content/handbook/company/_index.md': '---\ntitle: Company\n---\n',
    'content/handbook/company/culture.md': '---\ntitle: Culture\naliases:\n  - /handbook/our-culture/\n---\n\n## Values\n',
    'content/handbook/draft.md': '---\ntitle: Draft\ndraft: true\n---\n',
    'content/job-families/sales/deal-desk.md': '---\ntitle: Deal Desk\n---\n',
    ...extra,
  });
}

describe('links judged the way the published site serves them', () => {
  it('a page beats a redirect; aliases, section rules, template rules and chains are followed', async () => {
    const ls = await initialized(checkout({ 'content/handbook/old/_index.md': '---\ntitle: Old but here\n---\n' }));
    const look = (p: string): string => {
      const r = ls.index.lookup(p);
      return r.status === 'redirect' ? `redirect ${r.target} → ${r.page?.path ?? 'elsewhere'}` : r.status === 'page' ? `page ${r.page.path}` : r.status;
    };
    assert.equal(look('/handbook/old/'), 'page /handbook/old/', 'files take priority over redirects');
    assert.equal(look('/handbook/old/deeper/page/'), 'redirect /handbook/new/deeper/page/ → /handbook/new/deeper/page/');
    assert.equal(look('/handbook/our-culture/'), 'redirect /handbook/company/culture/ → /handbook/company/culture/');
    assert.equal(look('/company/culture/'), 'redirect /handbook/company/culture/ → /handbook/company/culture/', 'the rule made for each handbook section');
    assert.equal(look('/handbook/chain/'), 'redirect /handbook/old/ → /handbook/old/', 'a redirect to a redirect is followed; here it lands on a page');
    assert.equal(look('/handbook/away/'), 'redirect https://example.com/away → elsewhere');
    assert.equal(look('/handbook/gone/'), 'missing');
    assert.equal(look('/handbook/draft/'), 'missing', 'drafts are not published');
    assert.equal(look('/teamops/anything/'), 'unknown', 'a part of the site the checkout does not hold');
  });

  it('reports a redirected link at info level with a safe fix to where it lands, and checks the anchor there', async () => {
    const ws = checkout();
    const ls = await initialized(ws);
    const page = '---\ntitle: T\n---\n\n- [a](/handbook/our-culture/#values)\n- [b](/handbook/our-culture/#nope)\n- [c](/handbook/gone/)\n';
    const f = await findingsOf(ls, doc(ws.uri('content/job-families/sales/t.md'), page));
    const links = f.filter((x) => x.rule.meta.id === 'JF038');
    assert.deepEqual(links.map((x) => [x.range.start.line, x.severity]), [[4, 'info'], [5, 'info'], [6, 'warning']]);
    assert.equal(links[0]!.fix?.kind, 'safe');
    assert.equal(links[0]!.fix?.edits[0]?.newText, '/handbook/company/culture/');
    assert.match(links[2]!.message, /redirects to `\/handbook\/missing\/`, which is not a page/);
    const anchors = f.filter((x) => x.rule.meta.id === 'JF037');
    assert.deepEqual(anchors.map((x) => x.range.start.line), [5], 'the anchor is checked on the page the redirect lands on');
  });

  it('judges no missing page in a folder that holds only job families', async () => {
    const ws = new MemoryWorkspace({
      'content/job-families/sales/deal-desk.md': '---\ntitle: Deal Desk\n---\n\n## Levels\n',
      'content/job-families/sales/t.md': '---\ntitle: T\n---\n',
    });
    const ls = await initialized(ws);
    const page = '---\ntitle: T\n---\n\n- [a](/handbook/hiring/)\n- [b](/job-families/marketing/elsewhere/)\n- [c](/job-families/sales/deal-desk/#levels)\n- [d](/job-families/sales/deal-desk/#nope)\n';
    const f = await findingsOf(ls, doc(ws.uri('content/job-families/sales/t.md'), page));
    assert.deepEqual(codes(f).filter((c) => c === 'JF038'), [], 'no page outside the folder can be called missing');
    assert.deepEqual(f.filter((x) => x.rule.meta.id === 'JF037').map((x) => x.range.start.line), [7], 'anchors on pages that are here are still checked');
  });

  it('judges no missing page when the job-families folder itself is opened', async () => {
    const ws = new MemoryWorkspace({ 'sales/deal-desk.md': '---\ntitle: Deal Desk\n---\n' }, 'file:///hb/content/job-families');
    const ls = await initialized(ws);
    assert.equal(ls.index.pageAt('/job-families/sales/deal-desk/')?.title, 'Deal Desk', 'its pages keep their site paths');
    const f = await findingsOf(ls, doc(ws.uri('sales/t.md'), '---\ntitle: T\n---\n\n[a](/handbook/hiring/) [b](/job-families/x/y/)\n'));
    assert.deepEqual(codes(f).filter((c) => c === 'JF038'), []);
  });
});
