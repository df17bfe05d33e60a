// Measures what issue-level goals name, on this machine, in one run:
// - the handbook index on a generated 5,000-page handbook: cold build time and peak RSS of
//   the real server process, incremental update after one file changes, link validation
//   of the largest page with the index warm;
// - the Markdown parser choice, side by side on the real corpus: markdown-it (as the model
//   uses it) against micromark.
// Prints each figure with its goal and the ratio. `--write` also updates docs/performance.md.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateHandbook } from './generate.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const work = path.join(root, 'bench', '.work', 'handbook');
const PAGES = Number(process.env.BENCH_PAGES ?? 5000);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${n < 10 ? n.toFixed(2) : n.toFixed(0)} ms`;

console.log(`Generating a ${PAGES}-page handbook in bench/.work …`);
const files = generateHandbook(work, PAGES);
const sizes = files.map((f) => statSync(f).size).sort((a, b) => a - b);
console.log(`  median page ${(median(sizes) / 1024).toFixed(1)} KB, largest ${(sizes[sizes.length - 1] / 1024).toFixed(1)} KB`);

// 1. Cold index and peak memory: the built server, over stdio, as an editor starts it.
async function serverColdIndex() {
  const proto = require('vscode-languageserver-protocol/node');
  const child = spawn(process.execPath, [path.join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = proto.createProtocolConnection(new proto.StreamMessageReader(child.stdout), new proto.StreamMessageWriter(child.stdin));
  let started = 0;
  const done = new Promise((resolve) => {
    conn.onNotification('window/logMessage', (p) => {
      if (/Handbook index: \d+ pages/.test(p.message)) resolve(performance.now() - started);
    });
  });
  conn.listen();
  const uri = pathToFileURL(work).href;
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'bench' }], capabilities: {} });
  started = performance.now();
  await conn.sendNotification('initialized', {});
  const elapsed = await done;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  child.kill();
  return { elapsed, peakMb: peakKb / 1024 };
}

// 2 and 3. In-process: the same service the server runs, over the same workspace.
async function warmFigures() {
  const { createLanguageService, mergeConfig, RULES } = require(path.join(root, 'out', 'server', 'src', 'service', 'index.js'));
  const { FileWorkspace, toUri } = require(path.join(root, 'out', 'server', 'src', 'node', 'fileWorkspace.js'));
  const ls = createLanguageService({ workspace: FileWorkspace.fromPaths([work]) });
  await ls.index.build();
  const changed = files[Math.floor(files.length / 2)];
  const original = readFileSync(changed, 'utf8');
  const updates = [];
  for (let i = 0; i < 50; i++) {
    writeFileSync(changed, `${original}\n## Added section ${i}\n`);
    const t = performance.now();
    await ls.index.fileChanged(toUri(changed), false);
    updates.push(performance.now() - t);
  }
  writeFileSync(changed, original);
  const largest = files.reduce((a, b) => (statSync(a).size >= statSync(b).size ? a : b));
  const text = readFileSync(largest, 'utf8');
  const linkRules = new Set(['JF037', 'JF038']);
  const config = mergeConfig({ rules: Object.fromEntries(RULES.map((r) => [r.meta.id, linkRules.has(r.meta.id) ? r.meta.severity : 'off'])) });
  const uri = toUri(largest);
  ls.getModel({ uri, version: 1, getText: () => text }); // the model is parsed once per version; links are checked on it
  const validations = [];
  let links = 0;
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    const found = await ls.getFindings({ uri, version: 1, getText: () => text }, config);
    validations.push(performance.now() - t);
    links = ls.getModel({ uri, version: 1, getText: () => text }).links.length;
    void found;
  }
  return { update: median(updates), validation: median(validations), links };
}

// 4. The parser: markdown-it (block rules, as the model uses it) against micromark, on real pages.
async function parsers() {
  const corpus = path.resolve(root, process.env.JOBFAMILY_CORPUS ?? path.join('..', 'shared', 'corpus'), 'job-families');
  const pages = [];
  const walk = (d) => readdirSync(d).forEach((n) => (statSync(path.join(d, n)).isDirectory() ? walk(path.join(d, n)) : pages.push(readFileSync(path.join(d, n), 'utf8'))));
  try {
    walk(corpus);
  } catch {
    return undefined;
  }
  const MarkdownIt = require('markdown-it');
  const mdBlocks = new MarkdownIt({ html: true });
  mdBlocks.core.ruler.disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);
  const mdFull = new MarkdownIt({ html: true });
  const { micromark } = await import('micromark');
  const { parseModel } = require(path.join(root, 'out', 'server', 'src', 'service', 'model', 'model.js'));
  const time = (fn) => {
    for (const p of pages) fn(p); // warm up
    const runs = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      for (const p of pages) fn(p);
      runs.push(performance.now() - t);
    }
    return median(runs);
  };
  return {
    pages: pages.length,
    blocks: time((p) => mdBlocks.parse(p, {})),
    full: time((p) => mdFull.parse(p, {})),
    micromark: time((p) => micromark(p)),
    model: time((p) => parseModel(p, 'file:///c/job-families/x.md')),
  };
}

const cold = await serverColdIndex();
const warm = await warmFigures();
const parse = await parsers();

const rows = [
  ['Cold index, 5,000 pages (server process)', ms(cold.elapsed), '≤ 2000 ms', (cold.elapsed / 2000).toFixed(2)],
  ['Peak memory of the server (VmHWM)', `${cold.peakMb.toFixed(0)} MB`, '≤ 200 MB', (cold.peakMb / 200).toFixed(2)],
  ['Incremental update after one file changes', ms(warm.update), '≤ 10 ms', (warm.update / 10).toFixed(2)],
  [`Link validation, largest page (${warm.links} links), index warm`, ms(warm.validation), '≤ 5 ms', (warm.validation / 5).toFixed(2)],
];
const table = ['| Figure | Measured | Goal | Ratio to goal |', '|---|---:|---:|---:|', ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
let parserTable = '';
if (parse) {
  parserTable = [
    `| Parser, ${parse.pages} real pages | Time | Ratio to markdown-it blocks |`,
    '|---|---:|---:|',
    `| markdown-it, block rules only (what the model uses) | ${ms(parse.blocks)} | 1.00 |`,
    `| markdown-it, full parse | ${ms(parse.full)} | ${(parse.full / parse.blocks).toFixed(2)} |`,
    `| micromark (to HTML) | ${ms(parse.micromark)} | ${(parse.micromark / parse.blocks).toFixed(2)} |`,
    `| Whole job-family model (front matter, blocks, links, sections, grades, levels) | ${ms(parse.model)} | ${(parse.model / parse.blocks).toFixed(2)} |`,
  ].join('\n');
}
console.log(`\n${table}\n\n${parserTable}\n`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`);

if (process.argv.includes('--write')) {
  writeFileSync(
    path.join(root, 'docs', 'performance.md'),
    `# Performance

Measured with \`npm run bench\` (bench/run.mjs) on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}.
The handbook is generated by bench/generate.mjs: ${PAGES} pages (handbook pages and job
families, linking to each other with anchors), median page ${(median(sizes) / 1024).toFixed(1)} KB.

${table}

- Cold index: from \`initialized\` to the server's "Handbook index" log line, in the real
  server process started over stdio. Peak memory is that process's VmHWM afterwards.
- Incremental update: \`fileChanged\` for one page rewritten on disk (read, extract, update
  paths and anchors), median of 50.
- Link validation: the link rules (JF037, JF038) on the largest page, model cached, median of 50.

The Markdown parser was chosen by measurement on the ${parse?.pages ?? 112} real job-family pages:

${parserTable}

Lines of inline markup are scanned by the model's own column-keeping scanner, which is why
only markdown-it's block rules run.
`,
  );
  console.log('wrote docs/performance.md');
}
