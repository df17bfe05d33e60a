// The long fuzzing run: the properties of the CI suite (test/support/properties.ts) with many
// more cases, shared out as in CI. A property that fails goes on with a new seed, so one
// known failure does not hide the rest (at most 3 failures are kept per property). Records
// cases, seed, time and failures into docs/reliability.md.
//
//   node scripts/fuzz.mjs [--runs 100000] [--seed N] [--no-build] [--no-record]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', '100000'));
const firstSeed = Number(option('--seed', String(Math.floor(Math.random() * 0x7fffffff))));
const MAX_FAILURES = 3;

if (!args.includes('--no-build')) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const { FuzzContext, PROPERTIES, runProperty } = require(path.join(root, 'out', 'test', 'support', 'properties.js'));

const weight = PROPERTIES.reduce((n, p) => n + p.ciRuns, 0);
const ctx = new FuzzContext();
const started = performance.now();
const results = [];
process.stdout.write(`fuzzing: ${runs.toLocaleString('en')} cases, seed ${firstSeed}\n`);
try {
  for (const [k, spec] of PROPERTIES.entries()) {
    const share = Math.max(1, Math.round((runs * spec.ciRuns) / weight));
    const failures = [];
    let cases = 0;
    let seed = firstSeed + k;
    const t0 = performance.now();
    while (cases < share && failures.length < MAX_FAILURES) {
      const r = await runProperty(ctx, spec, share - cases, seed);
      cases += r.runs;
      if (!r.failure) break;
      failures.push({ seed, text: r.failure });
      process.stdout.write(`  ✘ ${spec.name}: ${r.failure.split('\n').slice(0, 3).join(' | ').slice(0, 400)}\n`);
      seed = (seed * 48271 + 11) % 0x7fffffff;
    }
    const ms = performance.now() - t0;
    results.push({ name: spec.name, share, cases, failures, ms });
    process.stdout.write(`${failures.length ? '✘' : '✔'} ${spec.name}: ${cases.toLocaleString('en')} cases in ${(ms / 1000).toFixed(0)} s, ${failures.length} failure(s)\n`);
  }
} finally {
  await ctx.dispose();
}
const seconds = (performance.now() - started) / 1000;
const total = results.reduce((n, r) => n + r.cases, 0);
const failed = results.reduce((n, r) => n + r.failures.length, 0);
process.stdout.write(`\n${total.toLocaleString('en')} cases in ${seconds.toFixed(0)} s, seed ${firstSeed}, ${failed} failure(s)\n`);

if (!args.includes('--no-record')) {
  const doc = path.join(root, 'docs', 'reliability.md');
  const oneLine = (s) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 600);
  const lines = [
    '<!-- fuzz-run:start (written by scripts/fuzz.mjs) -->',
    `Last long run: ${new Date().toISOString().slice(0, 10)}, \`node scripts/fuzz.mjs --runs ${runs}\`, seed ${firstSeed}: **${total.toLocaleString('en')} cases in ${Math.round(seconds).toLocaleString('en')} s, ${failed} failure(s)** (a failing property goes on with a new seed, up to ${MAX_FAILURES} failures).`,
    '',
    '| property | cases | failures | first failure (shrunk) |',
    '| --- | ---: | ---: | --- |',
    ...results.map((r) => `| ${r.name} | ${r.cases.toLocaleString('en')} | ${r.failures.length} | ${r.failures.length ? oneLine(r.failures[0].text) : ''} |`),
    '<!-- fuzz-run:end -->',
  ];
  const text = readFileSync(doc, 'utf8');
  const re = /<!-- fuzz-run:start[^]*?<!-- fuzz-run:end -->/;
  writeFileSync(doc, re.test(text) ? text.replace(re, lines.join('\n')) : `${text.trimEnd()}\n\n${lines.join('\n')}\n`);
  process.stdout.write(`recorded in ${path.relative(root, doc)}\n`);
}
process.exit(failed ? 1 : 0);
