// The inputs: the real corpus, a real handbook checkout (copied, not linked), a folder with
// no handbook, and generated handbooks. Everything written goes under bench/.work/.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHandbook } from '../generate.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WORK = path.join(root, 'bench', '.work');
const shared = (env, rel) => path.resolve(root, process.env[env] ?? path.join('..', 'shared', rel));
/** The real job-family pages (JOBFAMILY_CORPUS, as for the tests) and a real handbook (BENCH_HANDBOOK). */
export const CORPUS = shared('JOBFAMILY_CORPUS', 'corpus');
export const HANDBOOK = shared('BENCH_HANDBOOK', 'handbook');
export const FAMILIES = path.join(CORPUS, 'job-families');
/** The largest real page, and the folder of its split family (the index and its level files). */
export const LARGEST = 'engineering/development/backend/_index.md';
const FAMILY_DIR = path.dirname(LARGEST);

export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every file of the corpus (not only `.md`: the CLI and markdownlint-cli2 get the same list). */
export function corpusFiles() {
  if (!existsSync(FAMILIES)) throw new Error(`No corpus at ${FAMILIES} (set JOBFAMILY_CORPUS)`);
  return filesUnder(FAMILIES);
}

const copyFamily = (toDir) => cpSync(path.join(FAMILIES, FAMILY_DIR), path.join(toDir, FAMILY_DIR), { recursive: true });

/**
 * A whole checkout: a copy of the shared handbook with a copy of the corpus at
 * content/job-families. Copied afresh on every run. Returns the folder and the page.
 */
export function realCheckout() {
  if (!existsSync(path.join(HANDBOOK, 'content', 'handbook'))) throw new Error(`No handbook checkout at ${HANDBOOK} (set BENCH_HANDBOOK)`);
  const dir = path.join(WORK, 'checkout');
  rmSync(dir, { recursive: true, force: true });
  cpSync(HANDBOOK, dir, { recursive: true });
  rmSync(path.join(dir, 'content', 'job-families'), { recursive: true, force: true });
  cpSync(FAMILIES, path.join(dir, 'content', 'job-families'), { recursive: true });
  return { dir, page: path.join(dir, 'content', 'job-families', LARGEST), anchorPage: '/handbook/values/' };
}

/** A folder that is not a handbook checkout: the page's family folder and nothing else. */
export function noHandbook() {
  const dir = path.join(WORK, 'no-handbook');
  rmSync(dir, { recursive: true, force: true });
  copyFamily(path.join(dir, 'job-families'));
  return { dir, page: path.join(dir, 'job-families', LARGEST), anchorPage: '/handbook/values/' };
}

/**
 * A generated handbook of `pages` pages (bench/generate.mjs) with the page's real family
 * added at content/job-families. Kept between runs while the generator and size are unchanged.
 */
export function generated(pages) {
  const dir = path.join(WORK, `generated-${pages}`);
  const stampFile = path.join(dir, '.stamp.json');
  const generator = createHash('sha256').update(readFileSync(path.join(root, 'bench', 'generate.mjs'))).update(readFileSync(fileURLToPath(import.meta.url))).digest('hex');
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    stamp = undefined;
  }
  if (!stamp || stamp.generator !== generator || stamp.pages !== pages) {
    const files = generateHandbook(dir, pages);
    copyFamily(path.join(dir, 'content', 'job-families'));
    // A handbook page with headings, for anchor completions.
    const anchorFile = files.find((f) => f.includes(`${path.sep}handbook${path.sep}`));
    const rel = path.relative(path.join(dir, 'content'), anchorFile).split(path.sep).join('/');
    stamp = { generator, pages, anchorPage: `/${rel.replace(/\.md$/, '')}/` };
    writeFileSync(stampFile, JSON.stringify(stamp));
  }
  mkdirSync(dir, { recursive: true });
  return { dir, page: path.join(dir, 'content', 'job-families', LARGEST), anchorPage: stamp.anchorPage };
}
