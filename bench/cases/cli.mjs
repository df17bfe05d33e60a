// Whole processes over the same files: jobfamily-lint (node dist/cli.js) against
// markdownlint-cli2. Wall time measured here; peak RSS from GNU time (`/usr/bin/time -v`,
// Debian package `time`) when present, else by polling /proc/<pid>/status (VmHWM).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { memoryOf } from '../lib/lsp.mjs';
import { median } from '../lib/stats.mjs';
import { root, WORK } from '../lib/workspaces.mjs';

const GNU_TIME = '/usr/bin/time';
export const rssMethod = existsSync(GNU_TIME) ? 'GNU time -v (maximum resident set size)' : '/proc/<pid>/status VmHWM, polled every 2 ms';

function cli2Bin() {
  const pkgFile = path.join(root, 'node_modules', 'markdownlint-cli2', 'package.json');
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin['markdownlint-cli2'];
  return path.join(path.dirname(pkgFile), bin);
}

export const COMMANDS = {
  'jobfamily-lint': (files) => [process.execPath, path.join(root, 'dist', 'cli.js'), ...files],
  'markdownlint-cli2': (files) => [process.execPath, cli2Bin(), ...files],
};

/** Runs a command once: wall time, peak RSS, exit status and output. */
function runOnce(argv, cwd) {
  const useTime = existsSync(GNU_TIME);
  const [cmd, ...args] = useTime ? [GNU_TIME, '-v', ...argv] : argv;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let polledMb = 0;
    const poll = useTime
      ? undefined
      : setInterval(() => {
          const m = memoryOf(child.pid).peakMb;
          if (m > polledMb) polledMb = m;
        }, 2);
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - start;
      if (poll) clearInterval(poll);
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
      const seconds = (what) => Number(new RegExp(`${what} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? NaN);
      resolve({ wallMs, peakMb: useTime ? kb / 1024 : polledMb, cpuMs: (seconds('User') + seconds('System')) * 1000, code, stdout, stderr });
    });
  });
}

/** `runs` alternating runs of each command over `files`; medians of wall time and peak RSS. */
export async function cliVsCli2(files, runs) {
  const cwd = path.join(WORK, 'cli-cwd'); // an empty folder: no markdownlint or jobfamily config around
  mkdirSync(cwd, { recursive: true });
  const results = Object.fromEntries(Object.keys(COMMANDS).map((k) => [k, []]));
  for (let r = 0; r < runs + 1; r++) {
    for (const [name, argv] of Object.entries(COMMANDS)) {
      const res = await runOnce(argv(files), cwd);
      if (res.code !== 0 && res.code !== 1) throw new Error(`${name} failed (${res.code}): ${res.stderr.slice(-2000)}`);
      if (r > 0) results[name].push(res); // the first round warms the disk cache
    }
  }
  const out = {};
  for (const [name, rs] of Object.entries(results)) {
    const last = rs[rs.length - 1].stdout;
    const checked = name === 'jobfamily-lint' ? /in (\d+) files?/.exec(last)?.[1] : /Linting: (\d+) file/.exec(last)?.[1];
    out[name] = { wallMs: median(rs.map((x) => x.wallMs)), cpuMs: median(rs.map((x) => x.cpuMs)), peakMb: median(rs.map((x) => x.peakMb)), files: Number(checked ?? NaN), runs: rs.length };
  }
  return out;
}

/**
 * jobfamily-lint inside a real checkout, where it builds the handbook index before it checks
 * anything: one page, then every job-family page (named, so that no .gitignore around the
 * copy hides them). `runs` runs each after a warm-up round; medians.
 */
export async function cliInCheckout(dir, page, pages, runs) {
  const cases = { 'one page': [page], 'every job-family page': pages };
  const results = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < runs + 1; r++) {
    for (const [name, files] of Object.entries(cases)) {
      const res = await runOnce(COMMANDS['jobfamily-lint'](files), dir);
      if (res.code !== 0 && res.code !== 1) throw new Error(`jobfamily-lint in the checkout failed (${res.code}): ${res.stderr.slice(-2000)}`);
      if (r > 0) results[name].push({ ...res, files: files.length });
    }
  }
  return Object.entries(results).map(([name, rs]) => ({ name, files: rs[0].files, wallMs: median(rs.map((x) => x.wallMs)), cpuMs: median(rs.map((x) => x.cpuMs)), peakMb: median(rs.map((x) => x.peakMb)), runs: rs.length }));
}
