// A long editing session against the real server over stdio: 10,000 edits (with pulls,
// hovers and completions as an editor makes them) and 1,000 open/close cycles. Memory is
// read from the server process: RSS from /proc/<pid>/status, the V8 heap from a probe
// preloaded into it (NODE_OPTIONS=--require, answering SIGUSR2 on stderr after a full GC;
// stdout stays the protocol). The target: less than 10% growth after warm-up. Records the
// figures into docs/reliability.md.
//
//   node scripts/soak.mjs [--edits 10000] [--cycles 1000] [--no-build] [--no-record]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? Number(args[i + 1]) : fallback;
};
const EDITS = option('--edits', 10_000);
const CYCLES = option('--cycles', 1_000);
const WARM_EDITS = Math.round(EDITS / 10);
const WARM_CYCLES = Math.round(CYCLES / 10);
const TARGET = 0.1;

if (!args.includes('--no-build')) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const { LspClient, PULL_CLIENT, copyOfExamples, uriOf } = require(path.join(root, 'out', 'test', 'support', 'lspClient.js'));

// The probe: on SIGUSR2, a full garbage collection, then process.memoryUsage() as one JSON line on stderr.
const probeDir = mkdtempSync(path.join(os.tmpdir(), 'jfa-soak-'));
const probe = path.join(probeDir, 'memory-probe.cjs');
writeFileSync(
  probe,
  `process.on('SIGUSR2', () => { if (global.gc) { global.gc(); global.gc(); } process.stderr.write('MEMORY ' + JSON.stringify(process.memoryUsage()) + '\\n'); });\n`,
);

const folder = copyOfExamples();
const client = new LspClient(['env', `NODE_OPTIONS=--expose-gc --require ${probe}`]);
const pid = client.process.pid;
let stderr = '';
const memoryWaiters = [];
client.process.stderr.on('data', (chunk) => {
  stderr += chunk.toString();
  let at;
  while ((at = stderr.indexOf('\n')) >= 0) {
    const line = stderr.slice(0, at);
    stderr = stderr.slice(at + 1);
    if (line.startsWith('MEMORY ')) memoryWaiters.shift()?.(JSON.parse(line.slice(7)));
  }
});

function rssKb() {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
}

async function memory() {
  // Let pending work settle, then collect and measure.
  await new Promise((r) => setTimeout(r, 500));
  const heap = await new Promise((resolve) => {
    memoryWaiters.push(resolve);
    process.kill(pid, 'SIGUSR2');
  });
  await new Promise((r) => setTimeout(r, 200));
  return { rssMb: rssKb() / 1024, heapUsedMb: heap.heapUsed / 1024 / 1024 };
}

// A deterministic random sequence, so two soak runs do the same thing.
let state = 12345;
const random = (n) => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
};

const pages = ['engineering/backend-engineer.md', 'sales/account-manager.md'].map((p) => {
  const file = path.join(folder, 'content', 'job-families', p);
  const text = readFileSync(file, 'utf8');
  return { uri: uriOf(file), text, size: text.length, version: 1, edits: 0, pending: [] };
});
const others = ['finance/payroll.md', 'marketing/content-strategist.md', 'people-group/people-operations/senior.md'].map((p) => path.join(folder, 'content', 'job-families', p));

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = (before.match(/\n/g) ?? []).length;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

const INSERTS = [' ', 'x', 'grade 7', '[', ']', '(', '`', '\n', '\n- new item', '## Responsibilities\n', '{add ', 'é', '👩‍💻'];
/** One edit as typing makes it: inserts, then deletes of the latest inserts, so the page keeps its size. */
async function edit(page, n) {
  let change;
  // Runs of up to 8 inserts, then as many deletes: the page changes shape, never grows.
  const deleting = page.pending.length > 0 && (page.pending.length >= 8 || Math.floor(page.edits / 8) % 2 === 1);
  page.edits++;
  if (deleting) {
    const { offset, length } = page.pending.pop();
    change = { range: { start: positionAt(page.text, offset), end: positionAt(page.text, offset + length) }, text: '' };
    page.text = page.text.slice(0, offset) + page.text.slice(offset + length);
    page.pending = page.pending.map((p) => (p.offset > offset ? { ...p, offset: p.offset - length } : p));
  } else {
    const offset = random(page.text.length + 1);
    const text = INSERTS[random(INSERTS.length)];
    change = { range: { start: positionAt(page.text, offset), end: positionAt(page.text, offset) }, text };
    page.text = page.text.slice(0, offset) + text + page.text.slice(offset);
    // Earlier inserts after this one moved; they are undone latest first, so each comes out whole.
    page.pending = page.pending.map((p) => (p.offset >= offset ? { ...p, offset: p.offset + text.length } : p));
    page.pending.push({ offset, length: text.length });
  }
  await client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: page.uri, version: ++page.version }, contentChanges: [change] });
  if (n % 5 === 0) await client.pull(page.uri);
  if (n % 25 === 0) {
    const at = positionAt(page.text, random(page.text.length + 1));
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: page.uri }, position: at });
    await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: page.uri }, position: at });
  }
}

async function cycle(n) {
  const file = others[n % others.length];
  const uri = uriOf(file.replace(/\.md$/, `-copy-${n % 50}.md`));
  await client.open(uri, readFileSync(file, 'utf8'), 1);
  await client.pull(uri);
  await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

async function session(edits, cycles) {
  const every = Math.max(1, Math.floor(edits / Math.max(1, cycles)));
  let done = 0;
  for (let n = 0; n < edits; n++) {
    const page = pages[n % pages.length];
    await edit(page, n);
    if (n % every === 0 && done < cycles) await cycle(done++);
  }
  while (done < cycles) await cycle(done++);
  for (const page of pages) await client.pull(page.uri);
  for (const page of pages) if (Math.abs(page.text.length - page.size) > 400) throw new Error(`the soak's page grew from ${page.size} to ${page.text.length} characters`);
}

const started = performance.now();
await client.initialize(folder, PULL_CLIENT);
for (const page of pages) await client.open(page.uri, page.text, page.version);
const start = await memory();
process.stdout.write(`start:            RSS ${start.rssMb.toFixed(1)} MB, heap used ${start.heapUsedMb.toFixed(1)} MB\n`);
await session(WARM_EDITS, WARM_CYCLES);
const warm = await memory();
process.stdout.write(`after warm-up:    RSS ${warm.rssMb.toFixed(1)} MB, heap used ${warm.heapUsedMb.toFixed(1)} MB (${WARM_EDITS} edits, ${WARM_CYCLES} open/close)\n`);
const t0 = performance.now();
await session(EDITS, CYCLES);
const seconds = (performance.now() - t0) / 1000;
const end = await memory();
process.stdout.write(`after the session: RSS ${end.rssMb.toFixed(1)} MB, heap used ${end.heapUsedMb.toFixed(1)} MB (${EDITS} edits, ${CYCLES} open/close in ${seconds.toFixed(0)} s)\n`);
// Still answering, with the page's real diagnostics.
const final = await client.pull(pages[0].uri);
await client.stop();

const growth = { rss: end.rssMb / warm.rssMb - 1, heap: end.heapUsedMb / warm.heapUsedMb - 1 };
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const ok = growth.rss < TARGET && growth.heap < TARGET && Array.isArray(final.items);
process.stdout.write(`growth after warm-up: RSS ${pct(growth.rss)}, heap used ${pct(growth.heap)} (target < ${TARGET * 100}%): ${ok ? 'ok' : 'OVER TARGET'}\n`);
process.stdout.write(`total ${((performance.now() - started) / 1000).toFixed(0)} s\n`);

if (!args.includes('--no-record')) {
  const doc = path.join(root, 'docs', 'reliability.md');
  const mb = (m) => `${m.rssMb.toFixed(1)} MB RSS, ${m.heapUsedMb.toFixed(1)} MB heap used`;
  const lines = [
    '<!-- soak-run:start (written by scripts/soak.mjs) -->',
    `Last soak: ${new Date().toISOString().slice(0, 10)}, \`node scripts/soak.mjs\` (${EDITS.toLocaleString('en')} edits, ${CYCLES.toLocaleString('en')} open/close cycles in ${Math.round(seconds)} s, after a warm-up of ${WARM_EDITS.toLocaleString('en')} edits and ${WARM_CYCLES} cycles):`,
    '',
    '| | server memory |',
    '| --- | --- |',
    `| at start | ${mb(start)} |`,
    `| after warm-up | ${mb(warm)} |`,
    `| after the session | ${mb(end)} |`,
    `| growth after warm-up | **RSS ${pct(growth.rss)}, heap used ${pct(growth.heap)}** (target under ${TARGET * 100}%: ${ok ? 'met' : 'not met'}) |`,
    '<!-- soak-run:end -->',
  ];
  const text = readFileSync(doc, 'utf8');
  const re = /<!-- soak-run:start[^]*?<!-- soak-run:end -->/;
  writeFileSync(doc, re.test(text) ? text.replace(re, lines.join('\n')) : `${text.trimEnd()}\n\n${lines.join('\n')}\n`);
  process.stdout.write(`recorded in ${path.relative(root, doc)}\n`);
}
process.exit(ok ? 0 : 1);
