// Judges every link of the real job-family pages the way the published site serves them, with
// Hugo as the oracle, and compares the verdicts with the checker's link findings (JF037
// broken-anchor, JF038 broken-link). Writes docs/precision/links.md.
//
// The oracle: the real handbook checkout ($JOBFAMILY_HANDBOOK, default ../shared/handbook) with
// the corpus job families ($JOBFAMILY_CORPUS, default ../shared/corpus) at content/job-families,
// rendered by Debian's hugo with the site's goldmark settings, its redirects template and stub
// shortcodes (test/hugo/site.ts). A link works when GitLab Pages would serve its target from
// Hugo's output: the file (`/x/` as x/index.html, `/x` too), else the first `_redirects` rule
// that matches, followed up to five times; its anchor must be an id of the page served. A
// target whose headings come partly from shortcodes that write data or remote files has
// anchors nobody can know from the source: its anchors are not judged.
//
// Needs `npm run build` (tsc output in out/) and hugo. Usage: node scripts/link-oracle.mjs
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const corpus = path.resolve(root, process.env.JOBFAMILY_CORPUS ?? '../shared/corpus');
const handbook = path.resolve(root, process.env.JOBFAMILY_HANDBOOK ?? '../shared/handbook');
const { OracleSite, allFiles, hugoVersion } = require(path.join(root, 'out', 'test', 'hugo', 'site.js'));
const service = require(path.join(root, 'out', 'server', 'src', 'service', 'index.js'));
const { FileWorkspace } = require(path.join(root, 'out', 'server', 'src', 'node', 'fileWorkspace.js'));
const shortcodes = JSON.parse(readFileSync(path.join(root, 'server', 'src', 'service', 'data', 'shortcodes.json'), 'utf8')).shortcodes;
const { parse: parseYaml } = require('yaml');

const families = path.join(corpus, 'job-families');
if (!existsSync(families) || !existsSync(path.join(handbook, 'content'))) throw new Error(`needs ${families} and ${handbook}/content`);

// ---------------------------------------------------------------------------------------
// The site as Hugo publishes it

function buildSite() {
  const site = new OracleSite(path.join(handbook, 'config', '_default', 'config.yaml'));
  const content = path.join(handbook, 'content');
  for (const file of allFiles(content)) if (/\.(md|html)$/.test(file)) site.addPage(path.relative(content, file), readFileSync(file, 'utf8'));
  for (const file of allFiles(families)) site.addPage(path.join('job-families', path.relative(families, file)), readFileSync(file, 'utf8'));
  // The redirects file, from the site's own template and output format.
  const hb = parseYaml(readFileSync(path.join(handbook, 'config', '_default', 'config.yaml'), 'utf8'));
  const config = JSON.parse(readFileSync(path.join(site.dir, 'config.json'), 'utf8'));
  Object.assign(config, { mediaTypes: hb.mediaTypes, outputs: hb.outputs, outputFormats: hb.outputformats ?? hb.outputFormats });
  writeFileSync(path.join(site.dir, 'config.json'), JSON.stringify(config, null, 2));
  cpSync(path.join(handbook, 'layouts', 'index.redirects'), path.join(site.dir, 'layouts', 'index.redirects'));
  const started = Date.now();
  const pages = site.render();
  const seconds = (Date.now() - started) / 1000;
  const redirectsFile = path.join(site.dir, 'public', '_redirects');
  if (!existsSync(redirectsFile)) throw new Error('hugo wrote no _redirects');
  const rules = readRules(readFileSync(redirectsFile, 'utf8'));
  return { site, pages, rules, seconds };
}

/** GitLab Pages rules: `from to [status]`, `*` at the end of `from` as a splat. */
function readRules(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    const [from, to] = t.split(/\s+/);
    if (from && to) rules.push({ from, to });
  }
  return rules;
}

function applyRules(rules, p) {
  for (const r of rules) {
    if (r.from.endsWith('*')) {
      const prefix = r.from.slice(0, -1);
      if (p.startsWith(prefix)) return r.to.replace(':splat', p.slice(prefix.length));
    } else if (r.from === p || r.from === `${p}/` || `${r.from}/` === p) return r.to;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------
// The oracle's verdict on one link

function unescapeHtml(s) {
  return s.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/gi, (_, hex, dec, named) => (named ? { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named.toLowerCase()] : String.fromCodePoint(hex ? parseInt(hex, 16) : Number(dec))));
}

function decode(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function judge(oracle, pagePath, href) {
  const hash = href.indexOf('#');
  let target = hash >= 0 ? href.slice(0, hash) : href;
  const anchor = hash >= 0 ? decode(href.slice(hash + 1)) : undefined;
  target = target.replace(/\?.*$/, '');
  if (!target) target = pagePath;
  else if (!target.startsWith('/')) target = new URL(target, `https://site${pagePath}`).pathname;
  target = decode(target);
  let served = target;
  let redirected = false;
  for (let hop = 0; hop <= 5; hop++) {
    const page = oracle.byPath.get(served) ?? oracle.byPath.get(`${served}/`);
    if (page) {
      if (anchor === undefined || anchor === '') return { status: redirected ? 'redirected' : 'ok', served: page.path };
      if (page.ids.has(anchor)) return { status: redirected ? 'redirected' : 'ok', served: page.path };
      if (page.anchorsUnknown) return { status: 'anchor unknown', served: page.path };
      return { status: 'broken anchor', served: page.path };
    }
    const next = applyRules(oracle.rules, served);
    // The checkout holds a sample of content/job-families: a job family that is not here may be on the site.
    if (!next && served.startsWith('/job-families/')) return { status: 'part of the site absent', served };
    if (!next || /^https?:/.test(next)) return { status: next ? 'redirected away' : 'broken page', served: next ?? served };
    served = next.replace(/#.*$/, '');
    redirected = true;
  }
  return { status: 'broken page', served };
}

/** Internal links of a rendered page: the site's own paths, relative links and same-page anchors. */
function linksOf(html) {
  const out = [];
  for (const m of html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)) {
    const href = unescapeHtml(m[1]);
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
    out.push(href);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The checker's findings

async function checkerFindings() {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jfa-links-'));
  const whole = path.join(tmp, 'handbook');
  cpSync(handbook, whole, { recursive: true });
  cpSync(families, path.join(whole, 'content', 'job-families'), { recursive: true });
  const ls = service.createLanguageService({ workspace: FileWorkspace.fromPaths([whole]) });
  await ls.initialize(service.NEVER_CANCELLED);
  const out = [];
  const dir = path.join(whole, 'content', 'job-families');
  for (const file of allFiles(dir)) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(dir, file).split(path.sep).join('/');
    const lines = text.split(/\r\n|\r|\n/);
    for (const f of await service.lintText(ls, pathToFileURL(file).href, text)) {
      if (!['JF037', 'JF038'].includes(f.rule.meta.id)) continue;
      const line = lines[f.range.start.line] ?? '';
      out.push({ file: rel, line: f.range.start.line + 1, code: f.rule.meta.id, severity: f.severity, message: f.message, href: hrefAt(line, f.range.start.character) });
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  return out;
}

/** The whole destination of the link a finding points into: `[text](dest "title")`, `<dest>`, `[x]: dest`. */
function hrefAt(line, character) {
  const spans = [];
  for (const m of line.matchAll(/\]\(\s*<?([^)\s>]+)/g)) spans.push([m.index + m[0].length - m[1].length, m[1]]);
  for (const m of line.matchAll(/<([^<>\s]+)>/g)) spans.push([m.index + 1, m[1]]);
  for (const m of line.matchAll(/\{\{[<%]\s*(?:rel)?ref\s+"([^"]+)"/g)) spans.push([m.index + m[0].length - m[1].length - 1, m[1]]);
  const def = /^(\s*\[[^\]]+\]:\s*<?)(\S+?)>?(?:\s|$)/.exec(line);
  if (def) spans.push([def[1].length, def[2]]);
  const hit = spans.filter(([at, dest]) => at <= character && character <= at + dest.length).sort((a, b) => b[0] - a[0])[0];
  return hit ? hit[1] : line.slice(character).split(/[\s)]/)[0];
}

// ---------------------------------------------------------------------------------------

/** Every link judged by Hugo and matched with the checker's findings. */
export async function judgeLinks() {
  const version = hugoVersion();
  const { site, pages, rules, seconds } = buildSite();
  const byPath = new Map();
  const sourceOf = new Map();
  for (const [rel, page] of pages) {
    const source = readFileSync(path.join(site.content, rel), 'utf8');
    const unknown = [...source.matchAll(/\{\{[<%]\s*([\w./-]+)/g)].some((m) => ['anchors', 'include'].includes(shortcodes[m[1]]?.kind));
    byPath.set(page.path, { path: page.path, ids: new Set(page.ids), anchorsUnknown: unknown });
    sourceOf.set(rel, page.path);
  }
  const oracle = { byPath, rules };

  const verdicts = [];
  for (const [rel, pagePath] of sourceOf) {
    if (!rel.startsWith('job-families/')) continue;
    const html = readFileSync(path.join(site.dir, 'public', ...pagePath.split('/').filter(Boolean), 'index.html'), 'utf8');
    const body = html.slice(html.indexOf('</oracle-page>'));
    for (const href of linksOf(body)) verdicts.push({ file: rel.slice('job-families/'.length), href, ...judge(oracle, pagePath, href) });
  }
  site.dispose();

  const findings = await checkerFindings();
  const key = (file, href) => `${file}\u0000${decode(href)}`;
  const reported = new Map();
  for (const f of findings) {
    const k = key(f.file, f.href);
    if (!reported.has(k)) reported.set(k, []);
    reported.get(k).push(f);
  }
  const isBroken = (v) => v.status === 'broken page' || v.status === 'broken anchor';
  const brokenFound = [];
  const brokenMissed = [];
  const falseAlarms = [];
  const redirectedAsError = [];
  // One link can have two findings (JF038 info: served by a redirect; JF037: the page it lands on lacks the anchor).
  const taken = new Set();
  for (const v of verdicts) {
    const list = reported.get(key(v.file, v.href)) ?? [];
    const isAlarm = (f) => f.severity !== 'info' && f.severity !== 'hint';
    const f = list.find((x) => !taken.has(x) && isAlarm(x)) ?? list.find((x) => !taken.has(x));
    for (const x of list) if (!taken.has(x) && (x === f || (x.code !== f?.code && !isAlarm(x)))) taken.add(x);
    const alarm = f && isAlarm(f);
    if (isBroken(v)) (alarm ? brokenFound : brokenMissed).push({ ...v, finding: f });
    else if (alarm) (v.status === 'redirected' ? redirectedAsError : falseAlarms).push({ ...v, finding: f });
  }
  const unmatched = findings.filter((f) => !taken.has(f));
  return { version, seconds, published: byPath.size, rules: rules.length, pages: [...sourceOf.keys()].filter((r) => r.startsWith('job-families/')).length, verdicts, brokenFound, brokenMissed, falseAlarms, redirectedAsError, unmatched };
}

/** By hand: findings on links the oracle cannot render (shortcodes), with the verdict and why. */
const BY_HAND = {
  'interviewing#screening-call': 'real: `interviewing` is /handbook/hiring/interviewing/, which has no "Screening call" heading',
};

function writeReport(r) {
  const { version, seconds, verdicts, brokenFound, brokenMissed, falseAlarms, redirectedAsError, unmatched } = r;
  const count = (status) => verdicts.filter((v) => v.status === status).length;
  const alarms = brokenFound.length + falseAlarms.length + redirectedAsError.length;
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  const row = (v) => `| ${v.file} | \`${v.href.replace(/\|/g, '\\|')}\` | ${v.status}${v.served && v.status !== 'ok' ? ` (${v.served})` : ''} | ${v.finding ? `${v.finding.code} ${v.finding.severity}` : '–'} |`;
  const table = (list) => (list.length ? ['| Page | Link | Hugo and the redirects | Finding |', '|---|---|---|---|', ...list.map(row)].join('\n') : 'None.');

  const report = `# Links judged by Hugo

Generated by \`node scripts/link-oracle.mjs\`: every internal link of the ${r.pages} real job-family pages,
rendered by ${version.split(' ')[0]} ${version.split(' ')[1] ?? ''} inside the real handbook checkout (${r.published} pages published, ${r.rules} redirect
rules in the \`_redirects\` file Hugo wrote from the site's template; rendering took ${seconds.toFixed(0)} s), judged the way
GitLab Pages serves Hugo's output, and compared with the checker's JF037/JF038 findings in the same
checkout. Links are matched by page and destination.

| | Links |
|---|---:|
| Internal links (rendered \`<a href>\`) | ${verdicts.length} |
| Served as written | ${count('ok')} |
| Served through a redirect | ${count('redirected')} |
| Redirected off the site | ${count('redirected away')} |
| Anchor not knowable (target's headings partly from data or remote files) | ${count('anchor unknown')} |
| Into a job family the checkout does not hold (it holds a sample of content/job-families) | ${count('part of the site absent')} |
| **Broken: no page** | ${count('broken page')} |
| **Broken: the page has no such anchor** | ${count('broken anchor')} |

**Broken links found: ${brokenFound.length} of ${brokenFound.length + brokenMissed.length} (${pct(brokenFound.length, brokenFound.length + brokenMissed.length)}).**
**Link findings (error or warning) that are broken links: ${brokenFound.length} of ${alarms} (${pct(brokenFound.length, alarms)}).**
Redirected links reported as errors or warnings: ${redirectedAsError.length}. Findings not matched to a rendered link: ${unmatched.length}.

## Broken links not reported

${table(brokenMissed)}

## Error or warning findings on links that work

${table([...falseAlarms, ...redirectedAsError])}

## Findings not matched to a rendered link

Links written with shortcodes (\`ref\`, \`relref\`) render nothing under the oracle's stubs, so Hugo
cannot judge them; each is listed here to be judged by hand.

${unmatched.length ? ['| Page:line | Finding | Destination | Verdict |', '|---|---|---|---|', ...unmatched.map((f) => `| ${f.file}:${f.line} | ${f.code} ${f.severity} | \`${f.href}\` | ${BY_HAND[f.href] ?? 'not judged yet'} |`)].join('\n') : 'None.'}
`;
  writeFileSync(path.join(root, 'docs', 'precision', 'links.md'), report);
  return report;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const report = writeReport(await judgeLinks());
  console.log(report.split('\n').slice(0, 24).join('\n'));
}
