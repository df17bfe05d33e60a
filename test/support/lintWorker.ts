// Lints one hostile page in a worker thread, so a test can give up on it after a bound
// instead of hanging the suite. workerData: { shape: index into SHAPES, count }.
import { parentPort, workerData } from 'node:worker_threads';
import { createLanguageService, lintText, NEVER_CANCELLED } from '../../server/src/service';
import { examplesWorkspace, PAGE_URI } from './examplesWorkspace';
import { SHAPES } from './hostile';

interface Job {
  readonly shape: number;
  readonly count: number;
}

async function main(): Promise<void> {
  const job = workerData as Job;
  const ls = createLanguageService({ workspace: examplesWorkspace() });
  await ls.initialize(NEVER_CANCELLED);
  const text = SHAPES[job.shape]!.page(job.count);
  const start = performance.now();
  const findings = await lintText(ls, PAGE_URI, text);
  parentPort!.postMessage({ chars: text.length, ms: performance.now() - start, findings: findings.length, codes: [...new Set(findings.map((f) => f.rule.meta.id))] });
}

main().catch((e: unknown) => parentPort!.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) }));
