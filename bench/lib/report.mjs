// Turns the figures of one run into the goals table (with pass/fail), the terminal summary
// and docs/performance.md.
import * as path from 'node:path';
import { count, kb, mb, ms, ratio, summary, table, textTable } from './stats.mjs';
import { LARGEST } from './workspaces.mjs';

const pct = (x) => `${(x * 100).toFixed(0)} %`;
const space = (R, key) => R.spaces.find((s) => s.key === key);
const pageName = (file) => path.basename(path.dirname(file)) + '/' + path.basename(file);

/** Link findings (broken links and anchors) among a pull's diagnostics. */
const linkFindings = (codes = {}) => (codes.JF037 ?? 0) + (codes.JF038 ?? 0);

/** Where a typing p95 comes from: the first edits after the page opens, while the server's code is still being compiled, or all of them. */
function warmupNote(t) {
  const times = t.times ?? [];
  const first = 50;
  if (times.length < 2 * first) return '';
  const early = summary(times.slice(0, first));
  const later = summary(times.slice(first));
  return ` The first ${first} timed edits after the page opens have a p95 of ${ms(early.p95)} (p50 ${ms(early.p50)}), the ${later.n} after them ${ms(later.p95)} (p50 ${ms(later.p50)}): the slow edits are mostly the early ones, while the server's code is still being optimised.`;
}

function profileNote(R) {
  const top = R.profile?.top?.[0];
  if (!top) return '';
  return ` A CPU profile of the server while typing here puts ${pct(top.share)} of its CPU time in \`${top.fn}\` (top functions below).`;
}

/** Every goal with its measured value, ratio to the goal (≤ 1 meets it), pass/fail, method and, when missed, a note. */
/** Why the server's environment differs from the machine's, when it does. */
function spawnCerts(s) {
  if (!s.extraCerts) return '';
  return ` This machine sets \`NODE_EXTRA_CA_CERTS\`: with it every Node process reads that certificate file before it runs any code, and \`node -e ""\` takes ${ms(s.machineNodeP50)}. The extension starts the server without it (the server opens no network connection); an editor set up to run \`node dist/server.js --stdio\` itself (Neovim, Emacs) pays those ${ms(s.machineNodeP50 - s.nodeP50)} on each start unless its environment leaves the variable out.`;
}

export function goalsOf(R) {
  const rows = [];
  const add = (row) => rows.push({ ...row, pass: row.toGoal === undefined ? undefined : row.toGoal <= 1 });
  const none = space(R, 'none');
  const co = space(R, 'checkout');
  const g5 = space(R, 'gen5000');
  const g20 = space(R, 'gen20000');
  const pp = R.perPage;

  {
    const t = co.typing;
    add({
      short: 'Typing, real checkout, p95 (p50)',
      what: `Typing into the largest page (38 KB) in the real checkout (${count(co.index.pages)} pages), didChange → pull answer, p95 (p50)`,
      goal: '≤ 15 ms (≤ 5 ms)',
      measured: `${ms(t.p95)} (${ms(t.p50)})`,
      toGoal: Math.max(t.p95 / 15, t.p50 / 5),
      toGoalText: `${ratio(t.p95 / 15)} (${ratio(t.p50 / 5)})`,
      how: `${t.n} one-character edits over stdio after up to ${R.params.warmup} untimed ones, each a new version followed by a \`textDocument/diagnostic\` pull; time from sending didChange to the answer.`,
      note: `Every keystroke re-checks the whole page, links included (the page has ${linkFindings(t.codes)} broken-link or broken-anchor findings, JF037/JF038, in this checkout; their "did you mean" suggestions are remembered until the index changes, so the handbook costs almost nothing per keystroke): the rest is the page's own model and rules, as in the row below.${profileNote(R)} In process, a full validation of the page takes ${ms(R.inCheckout.validate)} here against ${ms(pp.largest.validate)} with no handbook (corpus folder); an edit re-reads only the lines it touched.${warmupNote(t)}`,
    });
  }
  {
    const t = none.typing;
    add({
      short: 'Typing, no handbook, p95 (p50)',
      what: 'Typing, same page, no handbook around it, p95 (p50)',
      goal: '≤ 10 ms',
      measured: `${ms(t.p95)} (${ms(t.p50)})`,
      toGoal: t.p95 / 10,
      how: `As above, in a folder holding only the page's family folder (not a handbook checkout), ${t.n} edits.`,
      note: `With no handbook the link checks are silent, so this is the page's own rules and model; an edit re-reads only the lines it touched, where a full validation of the page takes ${ms(pp.largest.validate)} in process. The server spends ${ms(t.cpuPerEdit)} of CPU per edit.${warmupNote(t)}`,
    });
  }
  for (const [label, p] of [['median-size page', pp.p50], ['largest page', pp.largest]]) {
    const r = p.validate / p.parse;
    add({
      short: `Validation / md.parse, ${label.replace('-size', '')}`,
      what: `Full validation vs one markdown-it parse (\`md.parse\`, \`{html:true}\`), ${label} (${pageName(p.file)}, ${kb(p.bytes)})`,
      goal: '≤ 1.0x',
      measured: `${ratio(r)} (${ms(p.validate)} vs ${ms(p.parse)})`,
      toGoal: r / 1.0,
      how: 'In process, median of the runs; each run a new document version and text (a trailing comment naming the run), the same text for every tool.',
      note: `Full validation builds the model (its own block scanner, front matter, the inline scanner, sections, grades, roles, anchors), reads the page's folder for a split family (and that family's other files) and runs 42 rules; today that costs ${ratio(r)} one full markdown-it parse (${ratio(p.cpu.validate / p.cpu.parse)} in CPU time).`,
    });
  }
  for (const [label, p] of [['median-size page', pp.p50], ['largest page', pp.largest]]) {
    const r = p.markdownlint / p.validate;
    add({
      short: `Validation vs markdownlint, ${label.replace('-size', '')}`,
      what: `Full validation vs markdownlint \`lint\` (default rules), ${label}`,
      goal: '≥ 20x faster',
      measured: `${ratio(r)} faster (${ms(p.validate)} vs ${ms(p.markdownlint)})`,
      toGoal: 20 / r,
      how: 'In process, same pages and texts as the row above, `lint({ strings })` from `markdownlint/sync` with no configuration.',
      note: `markdownlint takes ${ms(p.markdownlint)} on this page and the validation ${ms(p.validate)}: the gap is ${ratio(r)} (${ratio(p.cpu.markdownlint / p.cpu.validate)} in CPU time), not 20x.`,
    });
  }
  {
    const a = R.cli['jobfamily-lint'];
    const b = R.cli['markdownlint-cli2'];
    const r = a.wallMs / b.wallMs;
    add({
      short: 'jobfamily-lint / markdownlint-cli2, wall',
      what: `\`jobfamily-lint\` vs \`markdownlint-cli2\`, the ${a.files} corpus files, wall time`,
      goal: '≤ 0.25x',
      measured: `${ratio(r)} (${ms(a.wallMs)} vs ${ms(b.wallMs)})`,
      toGoal: r / 0.25,
      how: `Both as \`node <bin> <the same ${a.files} file paths>\` from an empty folder, median of ${a.runs} alternating runs after one warm-up round.`,
      note: `In CPU time the ratio is ${ratio(a.cpuMs / b.cpuMs)}. Of jobfamily-lint's ${ms(a.wallMs)}, validating the same files in process takes ${ms(pp.corpus.validate)}; Node start-up alone is ${ms(R.spawn.machineNodeP50)} here (both commands run in the bench's environment), the rest is loading dist/cli.js and running it cold (the in-process figure is after warm-up).${R.cliCheckout ? ` Inside the real checkout the CLI builds the handbook index first: one page takes ${ms(R.cliCheckout[0].wallMs)} there, every job-family page ${ms(R.cliCheckout[1].wallMs)} (below).` : ''}`,
    });
  }
  {
    const s = R.spawn;
    add({
      short: 'Spawn → initialize, p50',
      what: `Server spawn → \`initialize\` result, p50 of ${s.times.length}`,
      goal: '≤ 150 ms',
      measured: ms(s.p50),
      toGoal: s.p50 / 150,
      how: '`node dist/server.js --stdio` spawned in the environment the extension gives the server (this one without `NODE_EXTRA_CA_CERTS`), `initialize` sent at once; time from spawn to its result.',
      note: `Node itself starts and exits in ${ms(s.nodeP50)} here in that environment (\`node -e ""\`, p50); roughly the remaining ${ms(s.p50 - s.nodeP50)} is loading the ${kb(s.serverBytes)} server bundle and answering \`initialize\` (the ${kb(s.serviceBytes)} language service is loaded after that, on first use).${spawnCerts(s)}`,
    });
  }
  if (g5) {
    const c = g5.completion.path;
    add({
      short: 'Completion ](/handbook/, 5,000 pages, p95 (p50)',
      what: `Completion after \`](/handbook/\`, generated handbook (${count(g5.index.pages)} pages), p95 (p50)`,
      goal: '≤ 10 ms',
      measured: `${ms(c.p95)} (${ms(c.p50)})`,
      toGoal: c.p95 / 10,
      how: `${c.n} times: the \`/\` keystroke (a new version) then \`textDocument/completion\`; time from didChange to the answer (${count(c.items)} items).`,
      note: `The time includes parsing the new version of the 38 KB page, which the completion needs; the anchor completion on the same page, same keystroke path, answers in ${ms(g5.completion.anchor.p50)} (p50), so the difference, ${ms(c.p50 - g5.completion.anchor.p50)} at p50, is the path completion itself: building and sending the ${count(c.items)}-item list.`,
    });
  }
  {
    const measured = g20 ? g20.index.peakMb : NaN;
    add({
      short: 'Index memory, 20,000 pages (peak RSS)',
      what: 'Handbook index memory, generated handbook of 20,000 pages (peak RSS of the server)',
      goal: '≤ 200 MB',
      measured: g20 ? mb(measured) : 'not measured (--quick)',
      toGoal: g20 ? measured / 200 : undefined,
      how: 'VmHWM of the server process (/proc/<pid>/status) when its index is complete.',
      note: g20 ? `The whole process, Node included: a server with no handbook peaks at ${mb(none.index.peakMb)}${g5 ? `, with 5,000 generated pages at ${mb(g5.index.peakMb)}` : ''}.` : '',
    });
  }
  return rows;
}

const passText = (p) => (p === undefined ? '–' : p ? 'pass' : 'FAIL');

/** The compact summary printed at the end of a run. */
export function terminal(R, goals) {
  const lines = [];
  lines.push(textTable(['Figure', 'Measured', 'Goal', 'vs goal', ''], goals.map((g) => [g.short, g.measured, g.goal, g.toGoalText ?? (g.toGoal === undefined ? '–' : ratio(g.toGoal)), passText(g.pass)])));
  lines.push('');
  lines.push(textTable(['Workspace', 'Pages', 'Index', 'Peak RSS', 'Typing p50', 'p95', 'max', 'n', 'CPU/edit', 'Compl. grade p95', 'path p95', 'anchor p95'], workspaceRows(R)));
  lines.push('');
  const m = R.machine;
  lines.push(`${m.cores} × ${m.cpu}, Node ${m.node}, ${m.date}, ${m.minutes.toFixed(1)} min${R.quick ? ' (--quick)' : ''}; load average ${m.load.map((x) => x.toFixed(1)).join(' → ')}`);
  return lines.join('\n');
}

function workspaceRows(R) {
  return R.spaces.map((s) => [
    s.label,
    count(s.index.pages),
    ms(s.index.indexMs),
    mb(s.index.peakMb),
    s.typing ? ms(s.typing.p50) : '',
    s.typing ? ms(s.typing.p95) : '',
    s.typing ? ms(s.typing.max) : '',
    s.typing ? String(s.typing.n) : '',
    s.typing ? ms(s.typing.cpuPerEdit) : '',
    s.completion ? ms(s.completion.grade.p95) : '',
    s.completion ? ms(s.completion.path.p95) : '',
    s.completion ? ms(s.completion.anchor.p95) : '',
  ]);
}

/** docs/performance.md. */
export function markdown(R, goals) {
  const m = R.machine;
  const pp = R.perPage;
  const out = [];
  const missed = goals.filter((g) => g.pass === false);
  out.push('# Performance', '');
  out.push(`Measured by \`npm run bench\` (bench/run.mjs) on ${m.date}, commit ${m.commit}${R.quick ? ', with `--quick`' : ''}: ${m.cores} cores of ${m.cpu}, ${m.memGb.toFixed(0)} GB, ${m.os}, Node ${m.node}. The run took ${m.minutes.toFixed(1)} minutes; the machine's load average was ${m.load.map((x) => x.toFixed(1)).join(' at the start, ')} at the end (the figures are wall-clock times, so other work on the machine shows in them).`, '');
  out.push('Inputs: the 112 real job-family pages of the corpus (`../shared/corpus/job-families`); a real handbook checkout (a copy of `../shared/handbook` with the corpus at `content/job-families`); a folder with only the largest page\'s family folder, which is not a handbook checkout; handbooks generated by bench/generate.mjs (handbook pages and job families linking to each other with anchors, the largest page\'s real family added). The largest page is `' + LARGEST + '` (38,233 bytes).', '');

  out.push('## Goals', '');
  out.push(`${goals.filter((g) => g.pass).length} of ${goals.filter((g) => g.pass !== undefined).length} goals are met. "vs goal" is the measured value over the goal (for "≥" goals, the goal over the measured value): 1.00 or less meets it.`, '');
  out.push(table(['What', 'Goal', 'Measured', 'vs goal', 'Pass'], goals.map((g) => [g.what, g.goal, g.measured, g.toGoalText ?? (g.toGoal === undefined ? '–' : ratio(g.toGoal)), passText(g.pass)]), 'lllrl'));
  out.push('', 'How each is measured:', '');
  goals.forEach((g, i) => out.push(`${i + 1}. ${i > 0 && goals[i - 1].how === g.how ? `As ${i}.` : g.how}`));
  if (missed.length) {
    out.push('', '### Goals missed', '');
    for (const g of missed) out.push(`- **${g.what}**: ${g.measured}, goal ${g.goal}. ${g.note}`);
  }

  out.push('', '## Per page, in process', '');
  out.push('The language service as the server runs it (every rule, default configuration, over a workspace of the corpus folder, which is not a handbook checkout: split families are read, links are not resolved), against one markdown-it parse (`new MarkdownIt({ html: true }).parse`) and markdownlint\'s `lint` with its default rules (markdownlint ' + mdlVersion(R) + '). Every call gets a new document version and a new text. Median of ' + R.params.pageRuns + ' runs per page after warm-up; the corpus row is one pass over every file, median of ' + R.params.passes + ' passes.', '');
  const perRow = (label, p) => [label, ms(p.validate), ms(p.parse), ms(p.markdownlint), ratio(p.validate / p.parse), `${ratio(p.markdownlint / p.validate)} faster`, ratio(p.cpu.validate / p.cpu.parse), `${ratio(p.cpu.markdownlint / p.cpu.validate)} faster`];
  out.push(
    table(
      ['Page', 'Full validation', 'markdown-it parse', 'markdownlint', 'Validation / parse', 'vs markdownlint', 'CPU: validation / parse', 'CPU: vs markdownlint'],
      [
        perRow(`Median size: ${pageName(pp.p50.file)} (${kb(pp.p50.bytes)})`, pp.p50),
        perRow(`Largest: ${pageName(pp.largest.file)} (${kb(pp.largest.bytes)})`, pp.largest),
        perRow(`Whole corpus, ${pp.corpus.files} files (${kb(pp.corpus.bytes)})`, pp.corpus),
      ],
      'lrrrrrrr',
    ),
  );
  out.push('', 'The times are wall-clock medians; the two CPU columns are the same ratios computed from this process\'s CPU time per call (`process.cpuUsage`, all threads), which other work on the machine barely changes.');
  const ic = R.inCheckout;
  out.push('', `The largest page inside the real checkout (index of ${count(ic.indexedPages)} pages built in process, links resolved): full validation ${ms(ic.validate)}, ${ratio(ic.validate / ic.parse)} a markdown-it parse (${ms(ic.parse)}), median of ${R.params.checkoutRuns}.`);

  out.push('', '## Whole process: the CLI against markdownlint-cli2', '');
  out.push(`markdownlint-cli2 ${R.versions?.cli2 ?? ''}, both over the same ${R.cli['jobfamily-lint'].files} file paths of the corpus, started from an empty folder (no configuration found), median of ${R.cli['jobfamily-lint'].runs} alternating runs after a warm-up round. Wall time measured by the benchmark around the process; peak RSS by ${m.rssMethod}; CPU time from GNU time when present.`, '');
  const a = R.cli['jobfamily-lint'];
  const b = R.cli['markdownlint-cli2'];
  out.push(
    table(
      ['Command', 'Files', 'Wall time', 'Peak RSS', 'Wall time ratio', 'CPU time (user + system)', 'CPU time ratio'],
      [
        ['`node dist/cli.js <files>` (jobfamily-lint)', String(a.files), ms(a.wallMs), mb(a.peakMb), ratio(a.wallMs / b.wallMs), ms(a.cpuMs), ratio(a.cpuMs / b.cpuMs)],
        ['`markdownlint-cli2 <files>`', String(b.files), ms(b.wallMs), mb(b.peakMb), '1.00x', ms(b.cpuMs), '1.00x'],
      ],
      'lrrrrrr',
    ),
  );

  if (R.cliCheckout) {
    out.push('', `In the real checkout, run from its root: the CLI first builds the handbook index (every page's front matter, as the server does), then checks the pages named, reading the anchors of the pages they link to with an anchor. Median of ${R.cliCheckout[0].runs} runs after a warm-up round.`, '');
    out.push(
      table(
        ['Command', 'Files', 'Wall time', 'Peak RSS', 'CPU time (user + system)'],
        R.cliCheckout.map((c) => [`\`node dist/cli.js <${c.name}>\``, String(c.files), ms(c.wallMs), mb(c.peakMb), ms(c.cpuMs)]),
        'lrrrr',
      ),
    );
  }

  out.push('', '## The server over stdio', '');
  out.push(`\`node dist/server.js --stdio\`, driven as an editor with pull diagnostics drives it. Index build: from \`initialized\` to the server's index-complete signal (its \`Handbook index: N pages\` log line, or the end of its \`$/progress\`), median of ${R.params.indexRuns} fresh servers; peak RSS is the server's VmHWM at that moment. The files are in the OS page cache (a warm disk). Typing: after ${R.params.warmup} untimed edits (at most 10 s of them), up to ${R.params.edits} one-character edits (fewer when a run would exceed ${R.params.typingBudgetMs / 1000} s; n says how many) at the end of the page's first paragraph, each a new version, each followed by a diagnostic pull; time from didChange to the pull's answer. Completion: after 3 untimed ones, ${R.params.completionRuns} keystrokes per kind (within ${R.params.completionBudgetMs / 1000} s) that trigger it: a grade after "is a " in a Job Grade section, a handbook path after \`](/handbook/\`, an anchor after \`](/handbook/<existing page>/#\`; time from didChange to the completion answer, so it includes parsing the new version.`, '');
  out.push(
    table(
      ['Workspace', 'Pages indexed', 'Index build', 'Peak RSS', 'Typing p50', 'p95', 'max', 'n', 'Server CPU per edit', 'Findings (links)'],
      R.spaces.map((s) => [
        s.label,
        count(s.index.pages),
        ms(s.index.indexMs),
        mb(s.index.peakMb),
        ...(s.typing ? [ms(s.typing.p50), ms(s.typing.p95), ms(s.typing.max), String(s.typing.n), ms(s.typing.cpuPerEdit), `${s.typing.diagnostics} (${linkFindings(s.typing.codes)})`] : ['', '', '', '', '', '']),
      ]),
      'lrrrrrrrrr',
    ),
  );
  out.push('', 'Server CPU per edit: the server process\'s user + system CPU time (/proc/<pid>/stat, all threads) over the timed edits, divided by their number; unlike the latencies it does not grow when other work on the machine delays the server. Findings: the diagnostics of the last pull, and in brackets those about broken links or anchors (JF037, JF038). The generated handbooks do not have the real pages the page links to, so there its handbook links are broken.', '');
  out.push(
    table(
      ['Workspace', 'Grade p95 (p50)', 'Path p95 (p50)', 'Anchor p95 (p50)', 'Items: grade / path / anchor'],
      R.spaces.filter((s) => s.completion).map((s) => {
        const c = s.completion;
        const f = (x) => `${ms(x.p95)} (${ms(x.p50)})`;
        return [s.label, f(c.grade), f(c.path), f(c.anchor), `${c.grade.items} / ${c.path.items} / ${c.anchor.items}`];
      }),
      'lrrrr',
    ),
  );
  const heading = R.spaces.find((s) => s.headingTyping);
  if (heading) {
    const h = heading.headingTyping;
    out.push('', `Typing in a heading (the end of the page's first \`##\` heading, so every keystroke changes an anchor that other pages' links can see), ${heading.label}: p50 ${ms(h.p50)}, p95 ${ms(h.p95)}, max ${ms(h.max)}, n ${h.n}, server CPU per edit ${ms(h.cpuPerEdit)}.`);
  }
  out.push('', `Spawn → \`initialize\` result: p50 ${ms(R.spawn.p50)} over ${R.spawn.times.length} spawns (min ${ms(Math.min(...R.spawn.times))}, max ${ms(Math.max(...R.spawn.times))}); \`node -e ""\` alone: ${ms(R.spawn.nodeP50)} (p50) in the server's environment, ${ms(R.spawn.machineNodeP50)} in the bench's own.${spawnCerts(R.spawn)}`);
  out.push('', `Incremental index update after one page changes on disk (generated ${count(R.update.pages)} pages, in process): ${ms(R.update.ms)}, median of ${R.params.updateRuns}.`);

  if (R.profile?.top?.length) {
    out.push('', '## Where typing time goes in the real checkout', '');
    out.push(`A CPU profile of the server (\`node --cpu-prof\`) during ${R.profile.typed.n} typing edits in the real checkout (p50 ${ms(R.profile.typed.p50)} per edit under the profiler), index build left out: ${ms(R.profile.totalMs)} of CPU time; the functions with the most self time, mapped to the sources through dist/server.js.map:`, '');
    out.push(table(['Function', 'Self time', 'Share'], R.profile.top.map((t) => [`\`${t.fn}\``, ms(t.ms), pct(t.share)]), 'lrr'));
  }

  out.push('', '## Reproducing', '');
  out.push('`npm ci && npm run bench` (builds first when `dist/` or `out/` is missing or older than the sources); `npm run bench -- --quick` for a shorter run that prints without writing this file. Copies and generated handbooks go to `bench/.work/`. The only in-process use of the service is `bench/lib/service.mjs`; everything else goes through `dist/server.js` and `dist/cli.js`.', '');
  return out.join('\n');
}

function mdlVersion(R) {
  return R.versions?.markdownlint ?? '';
}
