// The built server over stdio: spawn → initialize, index build (time, peak RSS), typing
// latency (didChange → pull-diagnostic answer) and completion latency, as an editor sees them.
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { SERVER_BUNDLES, SERVER_ENV, Server } from '../lib/lsp.mjs';
import { median, summary } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);
const { TextDocument } = require('vscode-languageserver-textdocument');

/** Spawn → `initialize` result, `runs` times; and Node's own start-up (`node -e ""` until exit) as a floor. */
export async function spawnToInitialize(folder, runs) {
  const times = [];
  const node = [];
  const machineNode = [];
  const nodeAlone = async (env) => {
    const t = performance.now();
    await new Promise((resolve, reject) => spawn(process.execPath, ['-e', ''], { env }).once('exit', resolve).once('error', reject));
    return performance.now() - t;
  };
  for (let i = 0; i < runs; i++) {
    const server = new Server();
    times.push(await server.initialize(folder));
    await server.stop();
    node.push(await nodeAlone(SERVER_ENV));
    machineNode.push(await nodeAlone(process.env));
  }
  return {
    times,
    p50: median(times),
    nodeP50: median(node),
    machineNodeP50: median(machineNode),
    extraCerts: process.env.NODE_EXTRA_CA_CERTS !== undefined,
    serverBytes: statSync(SERVER_BUNDLES[0]).size,
    serviceBytes: statSync(SERVER_BUNDLES[1]).size,
  };
}

/** A server on `folder` with its handbook index complete, plus how long that took and its peak RSS then. */
export async function indexedServer(folder, options = {}) {
  const server = new Server(options);
  await server.initialize(folder);
  const indexMs = await server.initializedAndIndexed();
  const mem = server.memory();
  const line = server.logs.find((l) => /Handbook index: \d+ pages/.test(l)) ?? '';
  const pages = Number(/Handbook index: (\d+) pages/.exec(line)?.[1] ?? NaN);
  return { server, indexMs, peakMb: mem.peakMb, pages, signal: server.indexSignal };
}

/** Index build, `runs` fresh servers; the medians, and every run. */
export async function indexBuild(folder, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await indexedServer(folder);
    await r.server.stop();
    results.push(r);
  }
  return {
    pages: results[0].pages,
    indexMs: median(results.map((r) => r.indexMs)),
    peakMb: median(results.map((r) => r.peakMb)),
    runs: results.map((r) => ({ indexMs: r.indexMs, peakMb: r.peakMb })),
  };
}

/** The open document, mirrored on this side so edits and positions stay right. */
class Doc {
  constructor(server, uri, text) {
    this.server = server;
    this.uri = uri;
    this.doc = TextDocument.create(uri, 'markdown', 1, text);
  }

  lineCount() {
    return this.doc.lineCount;
  }

  line(n) {
    return this.doc.getText({ start: { line: n, character: 0 }, end: { line: n + 1, character: 0 } }).replace(/\r?\n$/, '');
  }

  async edit(range, text) {
    const version = await this.server.change(this.uri, range, text);
    this.doc = TextDocument.update(this.doc, [{ range, text }], version);
  }

  async insert(position, text) {
    await this.edit({ start: position, end: position }, text);
  }

  async replaceLine(n, text) {
    await this.edit({ start: { line: n, character: 0 }, end: { line: n, character: this.line(n).length } }, text);
  }
}

/** Stops a loop after `max` iterations or `budgetMs` from its first, whichever comes first (at least `min`). */
function budget(max, budgetMs, min = 10) {
  let start;
  return (i) => {
    start ??= performance.now();
    return i < max && (i < min || performance.now() - start < budgetMs);
  };
}

/** Untimed warm-up edits stop after this long even when fewer than asked. */
const WARMUP_BUDGET_MS = 10_000;

const TYPED = ' and the team writes the next iteration of this page together';

/**
 * Typing into the open page: each edit inserts one character at the end of the first
 * paragraph (a new version), then pulls diagnostics; the time is from sending didChange
 * to the pull's answer. The first `warmup` edits (new versions too, at most 10 s of them)
 * are not timed.
 */
export async function typing(server, file, { edits, budgetMs, warmup = 0, inHeading = false }) {
  const text = readFileSync(file, 'utf8');
  const uri = await server.open(file, text);
  const doc = new Doc(server, uri, text);
  const first = await server.pull(uri); // the open itself: not a keystroke
  // The end of the first paragraph, or of the first `##` heading: every keystroke there
  // changes one of the page's anchors, which other pages' links can see.
  const target = inHeading ? /^## [A-Z]/ : /^[A-Z].{80,}/;
  let line = 0;
  for (let n = 0; n < doc.lineCount(); n++) {
    if (target.test(doc.line(n))) {
      line = n;
      break;
    }
  }
  const times = [];
  let last = first;
  const edit = async (i) => {
    await doc.insert({ line, character: doc.line(line).length }, TYPED[i % TYPED.length]);
    last = await server.pull(uri);
  };
  const warm = budget(warmup, WARMUP_BUDGET_MS, 1);
  for (let i = 0; warm(i); i++) await edit(i);
  const more = budget(edits, budgetMs);
  const cpu0 = server.cpuMs();
  for (let i = 0; more(i); i++) {
    const t = performance.now();
    await edit(warmup + i);
    times.push(performance.now() - t);
  }
  const cpuPerEdit = (server.cpuMs() - cpu0) / times.length;
  await server.close(uri);
  const codes = {};
  for (const d of last.items) codes[d.code] = (codes[d.code] ?? 0) + 1;
  return { ...summary(times), times, cpuPerEdit, diagnostics: last.items.length, codes };
}

/**
 * Completion latency for three contexts on the open page: the keystroke that triggers it
 * (a new version) is sent, then the completion request; the time is from didChange to the
 * answer. The trigger is removed again (another version) before the next iteration.
 */
export async function completions(server, file, anchorPage, { runs, budgetMs, warmup = 0 }) {
  const text = readFileSync(file, 'utf8');
  const uri = await server.open(file, text);
  const doc = new Doc(server, uri, text);
  const find = (re) => {
    for (let n = 0; n < doc.lineCount(); n++) if (re.test(doc.line(n))) return n;
    throw new Error(`no line matches ${re}`);
  };
  // A grade sentence in a Job Grade section, cut back to "… is a".
  const gradeLine = find(/^The .* is a \[grade \d+\]/);
  const subject = /^(.* is a)/.exec(doc.line(gradeLine))[1];
  await doc.replaceLine(gradeLine, subject);
  // Two new paragraphs after the first one, for a handbook path and an anchor.
  const para = find(/^[A-Z].{80,}/);
  await doc.insert({ line: para, character: doc.line(para).length }, '\n\nSee the [handbook](/handbook\n\nSee the [page](' + anchorPage.replace(/\/$/, '') + '/\n');
  const cases = [
    ['grade', gradeLine, ' '],
    ['path', para + 2, '/'],
    ['anchor', para + 4, '#'],
  ];
  const out = {};
  for (const [kind, line, trigger] of cases) {
    const times = [];
    let items = 0;
    const more = budget(runs, budgetMs);
    for (let i = -warmup; i < 0 || more(i); i++) {
      const character = doc.line(line).length;
      const t = performance.now();
      await doc.insert({ line, character }, trigger);
      const list = await server.complete(uri, { line, character: character + 1 }, trigger);
      if (i >= 0) times.push(performance.now() - t);
      items = Array.isArray(list) ? list.length : (list?.items?.length ?? 0);
      await doc.edit({ start: { line, character }, end: { line, character: character + 1 } }, '');
    }
    out[kind] = { ...summary(times), items };
  }
  await server.close(uri);
  return out;
}
