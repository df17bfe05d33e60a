import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { createLanguageService, lintText, matchesGlobs, NEVER_CANCELLED, type LanguageService } from '../../server/src/service';
import { examplesWorkspace, PAGE_URI } from '../support/examplesWorkspace';
import { recordFigure } from '../support/figures';
import { describeGrowth, growthWithin } from '../support/growth';
import { megabyteCount, SHAPES } from '../support/hostile';

/** 8x the text may cost at most this many times the time: linear is 8, quadratic 64. */
const LIMIT = 12;
/** A 1 MB page of any shape is checked within this (generous: a real page takes milliseconds). */
const MEGABYTE_BOUND_MS = 20_000;
const FACTORS = [1, 2, 4, 8] as const;

interface WorkerResult {
  readonly chars: number;
  readonly ms: number;
  readonly findings: number;
  readonly error?: string;
}

/** Lints a 1 MB page of a shape in a worker, which is stopped if it runs past the bound. */
function lintInWorker(shape: number, count: number): Promise<WorkerResult | 'timeout'> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, '..', 'support', 'lintWorker.js'), { workerData: { shape, count } });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve('timeout');
    }, MEGABYTE_BOUND_MS);
    worker.once('message', (m: WorkerResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

describe('linear time on any text', function () {
  this.timeout(300_000);
  let ls: LanguageService;
  before(async () => {
    ls = createLanguageService({ workspace: examplesWorkspace() });
    await ls.initialize(NEVER_CANCELLED);
  });

  describe(`every rule on: 8x the text costs at most ${LIMIT}x the time`, () => {
    for (const shape of SHAPES) {
      it(shape.name, async () => {
        const pages = new Map(FACTORS.map((f) => [f, shape.page((shape.full * f) / 8)]));
        // The page must be checked, not refused as too large.
        assert.ok(pages.get(8)!.length < 1_000_000);
        const g = await growthWithin((f) => lintText(ls, PAGE_URI, pages.get(f as (typeof FACTORS)[number])!), LIMIT);
        recordFigure('growth', shape.name, { ratio: Number(g.ratio.toFixed(2)), chars8x: pages.get(8)!.length });
        assert.ok(g.ratio <= LIMIT, `${shape.name}: ${describeGrowth(g)}`);
      });
    }
  });

  describe(`a 1 MB page of each shape is checked within ${MEGABYTE_BOUND_MS / 1000} s`, () => {
    SHAPES.forEach((shape, i) => {
      it(shape.name, async () => {
        const count = megabyteCount(shape);
        const r = await lintInWorker(i, count);
        recordFigure('megabyte', shape.name, r === 'timeout' ? `over ${MEGABYTE_BOUND_MS / 1000} s` : { chars: r.chars, findings: r.findings });
        assert.notEqual(r, 'timeout', `${shape.name}: ${shape.page(count).length.toLocaleString('en')} characters not checked within ${MEGABYTE_BOUND_MS / 1000} s`);
        if (r === 'timeout') return;
        assert.equal(r.error, undefined, r.error);
        assert.ok(r.chars > 900_000, `${r.chars} characters`);
        assert.ok(r.findings > 0, 'the page got its findings');
      });
    });
  });

  describe('the glob matcher', () => {
    const cases: [string, string, (f: number) => string][] = [
      ['18 * in one pattern against a long file name', `${'*a'.repeat(17)}*b.md`, (f) => `content/job-families/${'a'.repeat(100 * f)}.md`],
      ['**/ 40 times against a deep path', `${'**/'.repeat(40)}x.md`, (f) => `${'a/'.repeat(50 * f)}b.md`],
      // Pattern × path work; the path has more folders than the pattern has segments at every size.
      ['**/a*/ 20 times against a deep path', `${'**/a*/'.repeat(20)}x.md`, (f) => `${'a/'.repeat(60 * f)}b.md`],
    ];
    for (const [name, glob, pathOf] of cases) {
      it(`${name}: 8x the path costs at most ${LIMIT}x the time`, async () => {
        const paths = new Map(FACTORS.map((f) => [f, pathOf(f)]));
        assert.ok(paths.get(8)!.length <= 1000, 'within the matcher limit, so it is matched');
        const run = (f: number): void => {
          const p = paths.get(f as (typeof FACTORS)[number])!;
          for (let k = 0; k < 20; k++) matchesGlobs(p, [glob]);
        };
        const g = await growthWithin(run, LIMIT);
        recordFigure('growth', `glob: ${name}`, { ratio: Number(g.ratio.toFixed(2)), chars8x: paths.get(8)!.length });
        assert.ok(g.ratio <= LIMIT, `${name}: ${describeGrowth(g)}`);
      });
    }
  });
});
