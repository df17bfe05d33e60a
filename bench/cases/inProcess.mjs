// Per page, in this process: a full validation by the language service (every rule, default
// configuration, a new document version and text each time) against one markdown-it parse
// (`md.parse`, `{ html: true }`) and markdownlint's `lint` with its default rules.
import { Buffer } from 'node:buffer';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { createIndex, createValidator } from '../lib/service.mjs';
import { median, timeRuns } from '../lib/stats.mjs';

const require = createRequire(import.meta.url);

/**
 * Each iteration gets its own text: the page with a trailing comment naming the iteration,
 * the same text for the three tools. No tool can answer from a cache of an earlier call.
 */
const variant = (text, i) => `${text}\n<!-- ${i} -->\n`;

async function tools(folder) {
  const MarkdownIt = require('markdown-it');
  const md = new MarkdownIt({ html: true });
  const { lint } = await import('markdownlint/sync');
  const validator = await createValidator(folder);
  return {
    validator,
    validate: (file, text) => validator.validate(file, text),
    parse: (_file, text) => md.parse(text, {}).length,
    markdownlint: (file, text) => lint({ strings: { [file]: text } })[file].length,
  };
}

const TOOLS = ['validate', 'parse', 'markdownlint'];

/**
 * Interleaved: each run times the three tools one after the other, so a change in the
 * machine's load hits them alike. Wall time, and this process's CPU time (user + system,
 * all threads), which other work on the machine barely changes. Medians of each.
 */
async function interleaved(t, runs, call) {
  const wall = Object.fromEntries(TOOLS.map((k) => [k, []]));
  const cpu = Object.fromEntries(TOOLS.map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const name of TOOLS) {
      const c = process.cpuUsage();
      const start = performance.now();
      await call(t[name], i);
      wall[name].push(performance.now() - start);
      const used = process.cpuUsage(c);
      cpu[name].push((used.user + used.system) / 1000);
    }
  }
  return { ...Object.fromEntries(TOOLS.map((k) => [k, median(wall[k])])), cpu: Object.fromEntries(TOOLS.map((k) => [k, median(cpu[k])])) };
}

async function onePage(t, file, runs, warmup) {
  const text = readFileSync(file, 'utf8');
  await interleaved(t, warmup, (fn, i) => fn(file, variant(text, -1 - i)));
  return { file, bytes: statSync(file).size, ...(await interleaved(t, runs, (fn, i) => fn(file, variant(text, i)))) };
}

/**
 * The median-sized page and the largest page (median of `runs` each), and one pass over the
 * whole corpus (median of `passes`). `folder` is the workspace the service sees: the corpus
 * root, which is not a handbook checkout (split families are read, links are not resolved).
 */
export async function perPage({ folder, files, largest, runs, passes }) {
  const t = await tools(folder);
  const pages = files.filter((f) => f.endsWith('.md')).map((f) => ({ f, size: statSync(f).size })).sort((a, b) => a.size - b.size);
  const medianPage = pages[Math.floor((pages.length - 1) / 2)].f;
  const warmup = Math.max(3, Math.round(runs / 5));
  // Warm every code path on the whole corpus once before timing anything.
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    await t.validate(f, variant(text, -1));
    t.parse(f, text);
    t.markdownlint(f, text);
  }
  const p50 = await onePage(t, medianPage, runs, warmup);
  const big = await onePage(t, largest, runs, warmup);
  const texts = files.map((f) => [f, readFileSync(f, 'utf8')]);
  const corpus = { files: files.length, bytes: texts.reduce((n, [, s]) => n + Buffer.byteLength(s), 0) };
  Object.assign(
    corpus,
    await interleaved(t, passes, async (fn, i) => {
      for (const [f, s] of texts) await fn(f, variant(s, i));
    }),
  );
  return { p50, largest: big, corpus, folder };
}

/** Full validation of one page inside a workspace whose handbook index is built (e.g. the real checkout). */
export async function inCheckout({ folder, file, runs }) {
  const t = await tools(folder);
  const text = readFileSync(file, 'utf8');
  const warmup = Math.max(3, Math.round(runs / 5));
  return {
    file: path.relative(folder, file),
    indexedPages: t.validator.indexedPages,
    validate: median(await timeRuns((i) => t.validate(file, variant(text, i)), runs, warmup)),
    parse: median(await timeRuns((i) => t.parse(file, variant(text, i)), runs, warmup)),
  };
}

/** The index after one page changes on disk: rewritten with a new section, then `touch`ed. */
export async function indexUpdate({ folder, file, runs }) {
  const index = await createIndex(folder);
  const original = readFileSync(file, 'utf8');
  try {
    const times = [];
    for (let i = -5; i < runs; i++) {
      writeFileSync(file, `${original}\n## Added section ${i}\n`);
      const t = performance.now();
      await index.touch(file);
      if (i >= 0) times.push(performance.now() - t);
    }
    return { pages: index.pages, ms: median(times) };
  } finally {
    writeFileSync(file, original);
  }
}
