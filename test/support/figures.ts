import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths';

/** Figures a reliability test measured, kept in test-results/reliability.json for docs/reliability.md. */
export const FIGURES_FILE = path.join(ROOT, 'test-results', 'reliability.json');

export function recordFigure(section: string, key: string, value: unknown): void {
  let all: Record<string, Record<string, unknown>> = {};
  try {
    all = JSON.parse(readFileSync(FIGURES_FILE, 'utf8')) as typeof all;
  } catch {
    // first figure of the run
  }
  (all[section] ??= {})[key] = value;
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  writeFileSync(FIGURES_FILE, `${JSON.stringify(all, null, 2)}\n`);
}
