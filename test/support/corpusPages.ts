import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { CORPUS } from './paths';

/** The real job-family pages of the corpus. */
export const FAMILIES = path.join(CORPUS, 'job-families');
/** The real handbook checkout beside the corpus (shared/handbook), for link checks and link fixes. */
export const HANDBOOK = path.join(path.dirname(CORPUS), 'handbook');

export interface CorpusPage {
  /** Path under content/job-families/. */
  readonly rel: string;
  readonly text: string;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? filesUnder(p) : [p];
    });
}

/** Every corpus page, in path order; empty when the corpus is not there. */
export function corpusPages(): CorpusPage[] {
  if (!existsSync(FAMILIES)) return [];
  return filesUnder(FAMILIES).map((f) => ({ rel: path.relative(FAMILIES, f).split(path.sep).join('/'), text: readFileSync(f, 'utf8') }));
}
