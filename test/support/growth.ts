/**
 * How the time of some work grows with its input, measured so that a loaded machine does
 * not decide the answer: a warm-up, then rounds that visit every size in turn (a burst of
 * load hits all sizes alike), the median of the rounds per size, and each sample repeated
 * until it is long enough to time. Only the ratio is reported; no absolute time is judged.
 */

export interface Growth {
  /** Median milliseconds of one run at each factor. */
  readonly ms: readonly number[];
  readonly factors: readonly number[];
  /** Median time at the largest factor over the median time at the smallest. */
  readonly ratio: number;
  /** Runs per sample. */
  readonly repeat: number;
}

export interface GrowthOptions {
  readonly factors?: readonly number[];
  readonly rounds?: number;
  /** A sample at the smallest size lasts at least this long (more runs per sample when quicker). */
  readonly sampleMs?: number;
  readonly maxRepeat?: number;
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** `run(factor)` does the work at that size; it may be sync or async. */
export async function measureGrowth(run: (factor: number) => unknown, options: GrowthOptions = {}): Promise<Growth> {
  const factors = options.factors ?? [1, 2, 4, 8];
  const sampleMs = options.sampleMs ?? 40;
  const maxRepeat = options.maxRepeat ?? 2000;
  const time = async (factor: number, repeat: number): Promise<number> => {
    const start = performance.now();
    for (let i = 0; i < repeat; i++) await run(factor);
    return (performance.now() - start) / repeat;
  };
  // Warm-up: every size once (JIT, caches, lazily built tables).
  for (const f of factors) await time(f, 1);
  const first = await time(factors[0]!, 1);
  const last = await time(factors[factors.length - 1]!, 1);
  // Enough runs for the smallest sample to be timed well, few enough that a super-linear
  // largest size does not take minutes to show it.
  const wanted = Math.ceil(sampleMs / Math.max(first, 0.01));
  const affordable = Math.floor((sampleMs * 12) / Math.max(last, 0.01));
  const repeat = Math.max(1, Math.min(maxRepeat, wanted, affordable));
  // The median of five rounds, or of three when the largest size alone takes a while.
  const rounds = options.rounds ?? (last * repeat > 300 ? 3 : 5);
  const samples = factors.map(() => [] as number[]);
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < factors.length; i++) samples[i]!.push(await time(factors[i]!, repeat));
  }
  const ms = samples.map(median);
  return { ms, factors, ratio: ms[ms.length - 1]! / ms[0]!, repeat };
}

/**
 * Measures up to three times while the ratio is over `limit`: a real super-linear cost shows
 * every time, a burst of machine load seldom three times running. The best attempt counts.
 */
export async function growthWithin(run: (factor: number) => unknown, limit: number, options: GrowthOptions = {}): Promise<Growth> {
  let best = await measureGrowth(run, options);
  for (let attempt = 1; attempt < 3 && best.ratio > limit; attempt++) {
    const next = await measureGrowth(run, { ...options, rounds: (options.rounds ?? 5) + 2 });
    if (next.ratio < best.ratio) best = next;
  }
  return best;
}

export function describeGrowth(g: Growth): string {
  return `${g.factors.map((f, i) => `${f}x ${g.ms[i]!.toFixed(2)} ms`).join(', ')}; ratio ${g.ratio.toFixed(1)} (${g.repeat} run${g.repeat === 1 ? '' : 's'} per sample)`;
}
