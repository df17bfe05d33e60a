import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { MemoryWorkspace } from './memoryWorkspace';
import { EXAMPLES } from './paths';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The example handbook (examples/handbook) in memory at file:///hb, so link rules and link fixes run. */
export function examplesWorkspace(): MemoryWorkspace {
  const files: Record<string, string> = {};
  for (const f of filesUnder(EXAMPLES)) files[path.relative(EXAMPLES, f).split(path.sep).join('/')] = readFileSync(f, 'utf8');
  return new MemoryWorkspace(files);
}

/** Where a checked page sits in that handbook. */
export const PAGE_URI = 'file:///hb/content/job-families/engineering/senior-backend-engineer.md';
