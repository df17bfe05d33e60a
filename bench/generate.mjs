// Writes a handbook-shaped workspace of N pages (default 5,000) from this project's own
// templates: handbook pages and job families with headings, lists and links to each other,
// sizes around a 9 KB median. Deterministic (seeded), so runs compare.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const WORDS = 'team work page role level grade review process customer product support plan release quality data document share goal result value people hiring process engineer manager design security finance sales marketing partner handbook improve measure'.split(' ');

export function generateHandbook(dir, pages = 5000, seed = 42) {
  const rand = rng(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const sentence = (n) => {
    const w = Array.from({ length: n }, () => pick(WORDS));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return `${w.join(' ')}.`;
  };
  rmSync(dir, { recursive: true, force: true });
  const sections = ['engineering', 'finance', 'marketing', 'people-group', 'sales', 'security', 'product', 'legal'];
  const paths = [];
  for (let i = 0; i < pages; i++) {
    const family = i % 10 === 0;
    const section = pick(sections);
    const sub = `area-${Math.floor(rand() * 40)}`;
    const rel = family ? `job-families/${section}/role-${i}.md` : `handbook/${section}/${sub}/page-${i}.md`;
    paths.push(rel);
  }
  const sitePath = (rel) => `/${rel.replace(/\.md$/, '')}/`;
  const headingsOf = new Map();
  paths.forEach((rel, i) => {
    // Sizes spread around a 9 KB median: 2 to 40 sections of ~250-400 bytes each.
    const count = Math.max(2, Math.round(14 * Math.exp((rand() - 0.5) * 1.6)));
    headingsOf.set(rel, Array.from({ length: count }, (_, k) => `Section ${k} ${pick(WORDS)} ${i}`));
  });
  const slug = (h) => h.toLowerCase().replace(/[^\p{L}\p{N}_ -]/gu, '').replace(/ /g, '-');
  paths.forEach((rel) => {
    const out = ['---', `title: "${sentence(3).slice(0, -1)}"`, `description: "${sentence(10)}"`, '---', '', sentence(20), ''];
    for (const h of headingsOf.get(rel)) {
      out.push(`## ${h}`, '', sentence(25), '');
      for (let b = 0; b < 3; b++) {
        const target = pick(paths);
        const anchor = slug(pick(headingsOf.get(target)));
        out.push(`- ${sentence(8)} See [${pick(WORDS)}](${sitePath(target)}#${anchor}).`);
      }
      out.push('');
    }
    const file = path.join(dir, 'content', rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, out.join('\n'));
  });
  return paths.map((p) => path.join(dir, 'content', p));
}
