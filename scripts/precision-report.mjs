// Findings per rule on real pages, and what a person who read them decided.
//
//   node scripts/precision-report.mjs            regenerate docs/precision.md
//   node scripts/precision-report.mjs --sample   also print the findings still to be judged, as TSV
//
// Two layouts, both built in a temporary folder from the real pages beside the checkout
// ($JOBFAMILY_CORPUS, default ../shared/corpus; $JOBFAMILY_HANDBOOK, default ../shared/handbook):
//   partial: only content/job-families (a sparse checkout, a fork with some sections);
//   handbook: the real handbook checkout with the corpus job families at content/job-families.
// For every rule a sample of findings (all of them, up to SAMPLE, spread over pages) is looked up in
// docs/precision/verdicts.tsv, written by hand: layout, file, line, code, verdict (real|false), reason and,
// optionally, the finding's message (the verdict then holds for that message only).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const corpus = path.resolve(root, process.env.JOBFAMILY_CORPUS ?? '../shared/corpus');
const handbook = path.resolve(root, process.env.JOBFAMILY_HANDBOOK ?? '../shared/handbook');
const SAMPLE = 12;
const printSample = process.argv.includes('--sample');

const service = require(path.join(root, 'out', 'server', 'src', 'service', 'index.js'));
const { FileWorkspace } = require(path.join(root, 'out', 'server', 'src', 'node', 'fileWorkspace.js'));

function files(dir) {
  const out = [];
  const walk = (d) => {
    for (const n of readdirSync(d).sort()) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

async function findingsIn(checkout, layout) {
  const ls = service.createLanguageService({ workspace: FileWorkspace.fromPaths([checkout]) });
  await ls.initialize(service.NEVER_CANCELLED);
  const families = path.join(checkout, 'content', 'job-families');
  const out = [];
  for (const file of files(families)) {
    const text = readFileSync(file, 'utf8');
    const rel = path.relative(families, file).split(path.sep).join('/');
    const lines = text.split(/\r\n|\r|\n/);
    for (const f of await service.lintText(ls, pathToFileURL(file).href, text)) {
      out.push({ layout, file: rel, line: f.range.start.line + 1, code: f.rule.meta.id, severity: f.severity, message: f.message, source: (lines[f.range.start.line] ?? '').trim().slice(0, 160) });
    }
  }
  return out;
}

function checkouts() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'jfa-precision-'));
  const partial = path.join(tmp, 'partial');
  cpSync(path.join(corpus, 'job-families'), path.join(partial, 'content', 'job-families'), { recursive: true });
  const whole = path.join(tmp, 'handbook');
  cpSync(handbook, whole, { recursive: true });
  cpSync(path.join(corpus, 'job-families'), path.join(whole, 'content', 'job-families'), { recursive: true });
  return { tmp, partial, whole };
}

function readVerdicts() {
  const file = path.join(root, 'docs', 'precision', 'verdicts.tsv');
  const map = new Map();
  if (!existsSync(file)) return map;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    // A seventh column, when there, is the finding's message: the verdict then holds for that message only.
    const [layout, f, l, code, verdict, reason, message] = line.split('\t');
    const k = `${layout}|${f}|${l}|${code}`;
    map.set(k, [...(map.get(k) ?? []), { verdict, reason: reason ?? '', message }]);
  }
  return map;
}

function readDefects() {
  const file = path.join(root, 'docs', 'precision', 'defects.tsv');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [f, l, defect, basis] = line.split('\t');
      return { file: f, line: Number(l), defect: defect ?? '', basis: basis ?? '' };
    });
}

/** The verdict on a finding: one written for its message, else one written without a message. */
function verdictOf(verdicts, f) {
  const list = verdicts.get(`${f.layout}|${f.file}|${f.line}|${f.code}`) ?? [];
  return list.find((v) => v.message === f.message) ?? list.find((v) => v.message === undefined);
}

/** A sample spread over pages: the first finding of each page, then the second of each, … */
function sample(list, n) {
  const byFile = new Map();
  for (const f of list) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out = [];
  for (let round = 0; out.length < n; round++) {
    let added = false;
    for (const fs of byFile.values()) {
      if (fs[round] && out.length < n) {
        out.push(fs[round]);
        added = true;
      }
    }
    if (!added) break;
  }
  return out;
}

const { tmp, partial, whole } = checkouts();
let all;
try {
  all = [...(await findingsIn(partial, 'partial')), ...(await findingsIn(whole, 'handbook'))];
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
const verdicts = readVerdicts();
const md = [];
const todo = [];
let judgedAll = 0;
let realAll = 0;
const summary = [];
for (const rule of service.RULES) {
  const id = rule.meta.id;
  const mine = all.filter((f) => f.code === id);
  const counts = { partial: mine.filter((f) => f.layout === 'partial').length, handbook: mine.filter((f) => f.layout === 'handbook').length };
  // Partial-layout findings of link rules are the false alarms to look for; the rest are judged on the whole checkout.
  const pool = mine.filter((f) => f.layout === 'handbook' || ['JF037', 'JF038'].includes(id));
  const picked = sample(pool, SAMPLE);
  const rows = picked.map((f) => ({ f, v: verdictOf(verdicts, f) }));
  const judged = rows.filter((r) => r.v);
  const real = judged.filter((r) => r.v.verdict === 'real');
  judgedAll += judged.length;
  realAll += real.length;
  const precision = judged.length ? `${Math.round((real.length / judged.length) * 100)}%` : '–';
  summary.push(`| ${id} | \`${rule.meta.alias}\` | ${rule.meta.severity} | ${counts.partial} | ${counts.handbook} | ${judged.length}/${picked.length} | ${precision} |`);
  for (const r of rows) if (!r.v) todo.push(r.f);
  if (!rows.length) continue;
  md.push(`### ${id} \`${rule.meta.alias}\``, '', '| Layout | Page:line | Severity | Finding | Verdict | Why |', '|---|---|---|---|---|---|');
  for (const { f, v } of rows) {
    md.push(`| ${f.layout} | ${f.file}:${f.line} | ${f.severity} | ${f.message.replace(/\|/g, '\\|').slice(0, 180)} | ${v?.verdict ?? 'not judged'} | ${(v?.reason ?? '').replace(/\|/g, '\\|')} |`);
  }
  md.push('');
}

// Recall: defects a person found by reading pages (docs/precision/defects.tsv), and whether a
// finding of the whole-checkout layout sits at the defect's line (a page-wide defect written at
// line 1 is found by a finding in the front matter's first lines, where page findings go).
const defects = readDefects();
const reportedAt = new Set(all.filter((f) => f.layout === 'handbook').map((f) => `${f.file}:${f.line}`));
const isFound = (d) => reportedAt.has(`${d.file}:${d.line}`) || (d.line === 1 && [1, 2, 3].some((n) => reportedAt.has(`${d.file}:${n}`)));
const missed = defects.filter((d) => !isFound(d));
const recallPages = new Set(defects.map((d) => d.file)).size;
const recall = defects.length
  ? `## Recall

${defects.length} defects found by a person reading ${recallPages} pages against the guide (\`docs/precision/defects.tsv\`): **${defects.length - missed.length} reported at their line, ${Math.round(((defects.length - missed.length) / defects.length) * 100)}%**. Still missed:

| Page:line | Defect | Guide |
|---|---|---|
${missed.map((d) => `| ${d.file}:${d.line} | ${d.defect.replace(/\|/g, '\\|')} | ${d.basis} |`).join('\n')}
`
  : '';

writeFileSync(
  path.join(root, 'docs', 'precision.md'),
  `# Precision on real pages

Generated by \`node scripts/precision-report.mjs\` from the ${files(path.join(corpus, 'job-families')).length} real job-family pages beside the
checkout, in two layouts: **partial** (only \`content/job-families\`, as in a sparse checkout or a
fork) and **handbook** (the real ${files(path.join(handbook, 'content')).length}-page handbook checkout with those job families at
\`content/job-families\`). For every rule, a sample of its findings (all of them up to ${SAMPLE}, spread
over pages; link rules in both layouts) was read by a person against the page and the
job-family guide; the verdicts and reasons are in \`docs/precision/verdicts.tsv\`. A finding that
is not a real defect is a false alarm.

The link rules are also judged on every link, with Hugo as the oracle: \`docs/precision/links.md\`
(\`node scripts/link-oracle.mjs\`) renders the checkout, follows the site's redirects and compares.

${judgedAll} findings judged, ${realAll} real: ${judgedAll ? Math.round((realAll / judgedAll) * 100) : 0}% overall.

| Code | Name | Default | Findings (partial) | Findings (handbook) | Judged | Precision |
|------|------|---------|---------:|---------:|-------:|----------:|
${summary.join('\n')}

${recall}
## The samples

${md.join('\n')}
`,
);
console.log(`wrote docs/precision.md: ${all.length} findings, ${judgedAll} judged, ${todo.length} in the samples still to judge; recall ${defects.length - missed.length}/${defects.length}`);
if (printSample) for (const f of todo) console.log([f.layout, f.file, f.line, f.code, f.severity, f.message, f.source].join('\t'));
