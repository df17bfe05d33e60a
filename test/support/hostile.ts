/**
 * Pathological page shapes: text that makes a naive parser or rule backtrack, rescan or
 * compare everything with everything. Each shape is a page built from a repeat count, so
 * the same shape can be measured at 1x, 2x, 4x and 8x and grown to a 1 MB page.
 */

export interface Shape {
  readonly name: string;
  /** The page for `n` repetitions of the shape's unit. */
  page(n: number): string;
  /** Repetitions at the largest (8x) size of the growth measurement. */
  readonly full: number;
}

const FRONT = '---\ntitle: "Senior Backend Engineer"\ndescription: "A job family"\n---\n\n';
const LEVEL = '## Levels\n\n### Senior Backend Engineer\n\n';
const GRADE_SECTION = `${LEVEL}#### Senior Backend Engineer Job Grade\n\n`;

const rep = (s: string, n: number): string => s.repeat(Math.max(0, Math.floor(n)));

function backtickRuns(n: number): string {
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push('`'.repeat(1 + ((i * 7) % 5)), 'a');
  return parts.join('');
}

function levelHeadings(n: number): string {
  const parts: string[] = [FRONT, '## Levels\n\n'];
  for (let i = 0; i < n; i++) parts.push(`### Senior ${i}\n\n#### Senior ${i} Job Grade\n\n`);
  return parts.join('');
}

function frontMatterKeys(n: number): string {
  const parts: string[] = ['---\ntitle: "Senior Backend Engineer"\n'];
  for (let i = 0; i < n; i++) parts.push(`k${i}: v${i}\n`);
  parts.push('---\n\n', GRADE_SECTION, 'The Senior Backend Engineer is a grade 7.\n');
  return parts.join('');
}

function setextLong(n: number): string {
  return `${FRONT}${rep('Senior Backend Engineer Responsibilities and more words\n', n)}===\n`;
}

function setextMany(n: number): string {
  return FRONT + rep('Senior Backend\nEngineer Job Grade\n---\n\nThe Senior is a grade 7.\n\n', n);
}

/** The three long lines that once made the model quadratic, together on one page; `n = 8` is the original size. */
function combined(n: number): string {
  const k = n / 8;
  const line1 = rep('[', 20_000 * k) + rep('(', 20_000 * k) + rep('*', 20_000 * k) + rep(' ', 20_000 * k) + rep('](', 8_000 * k);
  return `${FRONT}${GRADE_SECTION}${line1}\n\n${rep('{add ', 8_000 * k)}\n\n${rep('grade ', 20_000 * k)}\n`;
}

export const SHAPES: readonly Shape[] = [
  { name: 'a line of [ with no ]', page: (n) => `${FRONT}${rep('[', n)}\n`, full: 128_000 },
  { name: '[a]( repeated', page: (n) => `${FRONT}${rep('[a](', n)}\n`, full: 32_000 },
  { name: '[a](< repeated, then >)', page: (n) => `${FRONT}${rep('[a](<', n)}>)\n`, full: 25_600 },
  { name: '[a](b ( repeated, then )', page: (n) => `${FRONT}${rep('[a](b (', n)})\n`, full: 18_000 },
  { name: '<a repeated', page: (n) => `${FRONT}${rep('<a ', n)}\n`, full: 16_000 },
  { name: '{{< x repeated', page: (n) => `${FRONT}${rep('{{< x ', n)}\n`, full: 21_000 },
  { name: 'backtick runs of mixed lengths', page: (n) => `${FRONT}${backtickRuns(n)}\n`, full: 32_000 },
  { name: 'a run of spaces not at the line end', page: (n) => `${FRONT}a${rep(' ', n)}x\n`, full: 64_000 },
  {
    name: 'a long heading and links to it',
    page: (n) => `${FRONT}## ${rep('a', n)}\n\n[exact](#${rep('a', n)}) [near](#${rep('a', n - 1)}b) [case](#${rep('A', n)})\n`,
    full: 23_000,
  },
  { name: '## then - repeated then Responsibilities', page: (n) => `${FRONT}## ${rep('- ', n)} Responsibilities\n`, full: 64_000 },
  { name: 'grade 7 many times in a Job Grade section', page: (n) => `${FRONT}${GRADE_SECTION}${rep('grade 7 ', n)}\n`, full: 16_000 },
  { name: 'level headings (### Senior N / #### Senior N Job Grade)', page: levelHeadings, full: 5_000 },
  { name: 'front matter with many keys', page: frontMatterKeys, full: 32_000 },
  { name: 'one setext heading of many lines', page: setextLong, full: 4_000 },
  { name: 'many multi-line setext headings', page: setextMany, full: 4_000 },
  { name: '[ ( * space ]( lines, {add and grade on one page', page: combined, full: 8 },
  { name: '_a repeated in a heading', page: (n) => `${FRONT}## ${rep('_a ', n)}\n`, full: 8_000 },
];

/** Under the service's limit of 1,000,000 characters, so the page is parsed, not refused. */
export const MEGABYTE_CHARS = 990_000;

/** The repeat count that makes the shape's page just under MEGABYTE_CHARS. */
export function megabyteCount(shape: Shape): number {
  const base = shape.page(0).length;
  const probe = shape.full;
  const unit = (shape.page(probe).length - base) / probe;
  let n = Math.floor((MEGABYTE_CHARS - base) / unit);
  while (n > 0 && shape.page(n).length > MEGABYTE_CHARS) n = Math.floor(n * 0.99);
  return n;
}
