// The long fuzzing run: the properties of the CI suite (test/support/properties.ts) with many
// more cases, shared out as in CI. A property's first failure is shrunk, as in CI; then the
// property goes on through all its cases, counting every failing case under the shape of its
// problem with the shortest example of each shape, so one known failure hides nothing else.
// Records cases, seed, time and failures into docs/reliability.md.
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

if (!args.includes('--no-build')) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const require = createRequire(import.meta.url);
const { FuzzContext, PROPERTIES, runProperty, collectFailures, signatureOf } = require(path.join(root, 'out', 'test', 'support', 'properties.js'));

const weight = PROPERTIES.reduce((n, p) => n + p.ciRuns, 0);
const ctx = new FuzzContext();
const started = performance.now();
const results = [];
process.stdout.write(`fuzzing: ${runs.toLocaleString('en')} cases, seed ${firstSeed}\n`);
try {
  for (const [k, spec] of PROPERTIES.entries()) {
    const share = Math.max(1, Math.round((runs * spec.ciRuns) / weight));
    const seed = firstSeed + k;
    const t0 = performance.now();
    const first = await runProperty(ctx, spec, share, seed);
    let cases = first.runs;
    let failing = 0;
    let kinds = [];
    if (first.failure) {
      process.stdout.write(`  ✘ ${spec.name}: ${first.failure.split('\n').slice(0, 3).join(' | ').slice(0, 400)}\n`);
      const rest = await collectFailures(ctx, spec, Math.max(0, share - first.runs), (seed * 48271 + 11) % 0x7fffffff);
      cases += rest.runs;
      failing = 1 + rest.failing;
      kinds = rest.kinds;
      const firstKind = signatureOf(first.failure.split('\n')[2] ?? '');
      if (!kinds.some((x) => x.signature === firstKind)) kinds.unshift({ signature: firstKind, count: 1, example: '(the shrunk case)', problem: first.failure.split('\n')[2] ?? '' });
      else kinds.find((x) => x.signature === firstKind).count++;
    }
    const ms = performance.now() - t0;
    results.push({ name: spec.name, cases, failing, kinds, shrunk: first.failure, ms });
    process.stdout.write(`${failing ? '✘' : '✔'} ${spec.name}: ${cases.toLocaleString('en')} cases in ${(ms / 1000).toFixed(0)} s, ${failing} failing, ${kinds.length} kind(s) of failure\n`);
    for (const x of kinds.slice(0, 8)) process.stdout.write(`    ${x.count} × ${x.signature}\n`);
  }
} finally {
  await ctx.dispose();
}
const seconds = (performance.now() - started) / 1000;
const total = results.reduce((n, r) => n + r.cases, 0);
const failed = results.reduce((n, r) => n + r.failing, 0);
process.stdout.write(`\n${total.toLocaleString('en')} cases in ${seconds.toFixed(0)} s, seed ${firstSeed}, ${failed} failing case(s)\n`);

if (!args.includes('--no-record')) {
  const doc = path.join(root, 'docs', 'reliability.md');
  const oneLine = (s) => s.replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 600);
  const lines = [
    '<!-- fuzz-run:start (written by scripts/fuzz.mjs) -->',
    `Last long run: ${new Date().toISOString().slice(0, 10)}, \`node scripts/fuzz.mjs --runs ${runs}\`, seed ${firstSeed}: **${total.toLocaleString('en')} cases in ${Math.round(seconds).toLocaleString('en')} s, ${failed.toLocaleString('en')} failing**. A property's first failure is shrunk; after it the property runs all its cases and counts each failing case by the shape of its first problem.`,
    '',
    '| property | cases | failing | kinds of failure (count × shape; shortest example) |',
    '| --- | ---: | ---: | --- |',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.cases.toLocaleString('en')} | ${r.failing.toLocaleString('en')} | ${r.kinds
          .slice(0, 6)
          .map((x) => `${x.count} × ${oneLine(x.signature)}${x.example.startsWith('(') ? '' : `; e.g. \`${oneLine(x.example).slice(0, 160).replace(/`/g, "'")}\``}`)
          .join('<br>')} |`,
    ),
    '',
    ...results.filter((r) => r.shrunk).flatMap((r) => [`- **${r.name}**, first failure, shrunk: ${oneLine(r.shrunk.split('\n').slice(1).join(' ')).replace(/`/g, "'")}`]),
    '<!-- fuzz-run:end -->',
  ];
  const text = readFileSync(doc, 'utf8');
  const re = /<!-- fuzz-run:start[^]*?<!-- fuzz-run:end -->/;
  writeFileSync(doc, re.test(text) ? text.replace(re, lines.join('\n')) : `${text.trimEnd()}\n\n${lines.join('\n')}\n`);
  process.stdout.write(`recorded in ${path.relative(root, doc)}\n`);
}
process.exit(failed ? 1 : 0);
