import * as assert from 'node:assert/strict';
import { recordFigure } from '../support/figures';
import { FuzzContext, PROPERTIES, runProperty, runSeed } from '../support/properties';

/** One seed for the whole run, printed first and with every failure; FUZZ_SEED=<seed> replays it. */
const SEED = runSeed();

describe(`fuzzing (fast-check, seed ${SEED})`, function () {
  this.timeout(900_000);
  const ctx = new FuzzContext();
  let total = 0;
  before(() => process.stdout.write(`      fuzz seed ${SEED} (FUZZ_SEED=${SEED} npm test -- reliability replays this run)\n`));
  after(async () => {
    recordFigure('fuzz', 'ci', { cases: total, seed: SEED });
    await ctx.dispose();
  });

  it('has at least 10,000 cases across its properties', () => {
    assert.ok(PROPERTIES.reduce((n, p) => n + p.ciRuns, 0) >= 10_000);
  });

  for (const spec of PROPERTIES) {
    it(`${spec.name} (${spec.ciRuns.toLocaleString('en')} cases)`, async () => {
      const r = await runProperty(ctx, spec, spec.ciRuns, SEED);
      total += r.runs;
      recordFigure('fuzz', spec.name, { runs: r.runs, seed: SEED, ms: Math.round(r.ms), failed: r.failure !== undefined });
      assert.equal(r.failure, undefined, `${spec.name}: ${r.failure}`);
    });
  }
});
