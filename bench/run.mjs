// `npm run bench`: measures, in one run and side by side, what docs/performance.md states,
// prints a compact table with the goals, and writes docs/performance.md.
//
//   npm run bench                 full run (several minutes), writes docs/performance.md
//   npm run bench -- --quick      fewer sizes and iterations; prints only (add --write to write)
//   options: --no-write, --profile / --no-profile (CPU profile of typing in the real checkout)
// Every figure of the run is also saved in bench/.work/results.json.
//
// Inputs: the real corpus (JOBFAMILY_CORPUS, default ../shared/corpus), a real handbook
// (BENCH_HANDBOOK, default ../shared/handbook), and handbooks from bench/generate.mjs; the
// copies and generated files live in bench/.work/.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { cliInCheckout, cliVsCli2, rssMethod } from './cases/cli.mjs';
import { inCheckout, indexUpdate, perPage } from './cases/inProcess.mjs';
import { completions, indexBuild, indexedServer, spawnToInitialize, typing } from './cases/lsp.mjs';
import { profileTyping } from './cases/profile.mjs';
import { goalsOf, markdown, terminal } from './lib/report.mjs';
import { median } from './lib/stats.mjs';
import { corpusFiles, FAMILIES, filesUnder, generated, LARGEST, noHandbook, realCheckout, root, WORK } from './lib/workspaces.mjs';

const args = new Set(process.argv.slice(2));
for (const a of args) {
  if (!['--quick', '--write', '--no-write', '--profile', '--no-profile'].includes(a)) {
    console.error(`unknown option ${a}\nusage: node bench/run.mjs [--quick] [--write|--no-write] [--profile|--no-profile]`);
    process.exit(2);
  }
}
const quick = args.has('--quick');
const write = args.has('--write') || (!quick && !args.has('--no-write'));
const profile = args.has('--profile') || (!quick && !args.has('--no-profile'));

const P = quick
  ? { sizes: [1000, 5000], indexRuns: 1, spawns: 10, edits: 40, warmup: 5, typingBudgetMs: 20_000, completionRuns: 15, completionBudgetMs: 10_000, pageRuns: 10, passes: 2, cliRuns: 2, checkoutRuns: 3, updateRuns: 20, profileEdits: 10, headingEdits: 20 }
  : { sizes: [1000, 5000, 20000], indexRuns: 3, spawns: 15, edits: 200, warmup: 10, typingBudgetMs: 130_000, completionRuns: 50, completionBudgetMs: 40_000, pageRuns: 30, passes: 5, cliRuns: 5, checkoutRuns: 10, updateRuns: 50, profileEdits: 20, headingEdits: 100 };
/** Generated handbooks the typing and completion figures are taken in (the others: index only). */
const TYPING_SIZES = new Set([5000, 20000]);

const started = performance.now();
const load = [os.loadavg()[0]];
const step = (what) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);

/**
 * Builds out/ and dist/ every run: dist/ as it ships in the extension (minified), with source
 * maps for the profile. The tests' own build (development) is put back by the next `npm test`.
 */
function ensureBuilt() {
  step('building (node scripts/build.mjs --production --sourcemap)');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production', '--sourcemap'], { stdio: 'inherit', cwd: root });
}

ensureBuilt();
const files = corpusFiles();
const largest = path.join(FAMILIES, LARGEST);
const versionOf = (pkg) => JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const R = { quick, params: P, versions: { markdownlint: versionOf('markdownlint'), cli2: versionOf('markdownlint-cli2'), markdownIt: versionOf('markdown-it') } };

step(`in process, per page: ${files.length} corpus files`);
R.perPage = await perPage({ folder: path.dirname(FAMILIES), files, largest, runs: P.pageRuns, passes: P.passes });

step('whole process: jobfamily-lint vs markdownlint-cli2');
R.cli = await cliVsCli2(files, P.cliRuns);

step('workspaces: the real checkout (copy), a folder with no handbook, generated handbooks');
const checkout = realCheckout();
const spaces = [
  { key: 'none', label: 'no handbook', ws: noHandbook(), typing: true },
  { key: 'checkout', label: 'real checkout', ws: checkout, typing: true },
  ...P.sizes.map((n) => ({ key: `gen${n}`, label: `generated ${n.toLocaleString('en-US')}`, size: n, ws: generated(n), typing: TYPING_SIZES.has(n) })),
];

step('whole process: jobfamily-lint in the real checkout');
R.cliCheckout = await cliInCheckout(checkout.dir, checkout.page, filesUnder(path.join(checkout.dir, 'content', 'job-families')), P.cliRuns);

step(`spawn → initialize, ${P.spawns} spawns`);
R.spawn = await spawnToInitialize(checkout.dir, P.spawns);

R.spaces = [];
for (const s of spaces) {
  step(`${s.label}: index build × ${P.indexRuns}`);
  const runs = s.typing ? P.indexRuns - 1 : P.indexRuns;
  const built = runs > 0 ? await indexBuild(s.ws.dir, runs) : { runs: [] };
  const entry = { key: s.key, label: s.label, size: s.size };
  if (s.typing) {
    // The last index run's server goes on to typing and completion.
    const live = await indexedServer(s.ws.dir);
    const all = [...built.runs, { indexMs: live.indexMs, peakMb: live.peakMb }];
    entry.index = { pages: live.pages, indexMs: median(all.map((r) => r.indexMs)), peakMb: median(all.map((r) => r.peakMb)), runs: all, signal: live.signal };
    step(`${s.label}: typing, up to ${P.edits} edits`);
    entry.typing = await typing(live.server, s.ws.page, { edits: P.edits, budgetMs: P.typingBudgetMs, warmup: P.warmup });
    if (s.key === 'checkout') {
      step(`${s.label}: typing in a heading, up to ${P.headingEdits} edits`);
      entry.headingTyping = await typing(live.server, s.ws.page, { edits: P.headingEdits, budgetMs: P.typingBudgetMs, warmup: P.warmup, inHeading: true });
    }
    step(`${s.label}: completions, ${P.completionRuns} each`);
    entry.completion = await completions(live.server, s.ws.page, s.ws.anchorPage, { runs: P.completionRuns, budgetMs: P.completionBudgetMs, warmup: 3 });
    await live.server.stop();
  } else {
    entry.index = built;
  }
  R.spaces.push(entry);
}

step('in process: the largest page inside the real checkout, index built');
R.inCheckout = await inCheckout({ folder: checkout.dir, file: checkout.page, runs: P.checkoutRuns });

const updateSize = P.sizes.includes(5000) ? 5000 : P.sizes[0];
step(`in process: index update after one file changes (generated ${updateSize})`);
{
  const ws = generated(updateSize);
  const file = path.join(ws.dir, 'content', ws.anchorPage.replace(/^\/|\/$/g, '') + '.md');
  R.update = { size: updateSize, ...(await indexUpdate({ folder: ws.dir, file, runs: P.updateRuns })) };
}

if (profile) {
  step(`CPU profile: ${P.profileEdits} typing edits in the real checkout`);
  R.profile = await profileTyping(checkout.dir, checkout.page, P.profileEdits);
}

load.push(os.loadavg()[0]);
R.machine = {
  cpu: os.cpus()[0]?.model?.trim() ?? 'unknown CPU',
  cores: os.cpus().length,
  memGb: os.totalmem() / 2 ** 30,
  node: process.version,
  os: osName(),
  date: new Date().toISOString().slice(0, 10),
  commit: gitCommit(),
  load,
  rssMethod,
  minutes: (performance.now() - started) / 60_000,
};

const goals = goalsOf(R);
writeFileSync(path.join(WORK, 'results.json'), `${JSON.stringify({ ...R, goals }, null, 2)}\n`);
console.log(`\n${terminal(R, goals)}`);
if (write) {
  writeFileSync(path.join(root, 'docs', 'performance.md'), markdown(R, goals));
  console.log('\nwrote docs/performance.md');
}

function osName() {
  try {
    return /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? os.type();
  } catch {
    return `${os.type()} ${os.release()}`;
  }
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}
