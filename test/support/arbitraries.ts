/**
 * fast-check arbitraries for job-family pages: generated pages that look like the real thing
 * (front matter, the standard headings with level prefixes, lists, every kind of link,
 * grades, shortcodes, HTML, code, odd line endings, unicode), corpus pages with random
 * damage, and random edit sequences.
 */
import * as fc from 'fast-check';

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

const LEVELS = ['Associate', 'Intermediate', 'Senior', 'Staff', 'Principal', 'Distinguished', 'Manager', 'Senior Manager', 'Director', 'Senior Director', 'VP', 'Junior', 'Intern'];
const ROLES = ['Backend Engineer', 'Account Executive', 'Product Designer', 'Data Analyst', 'Engineering Manager', 'Security Engineer', ''];
const KINDS = [
  'Responsibilities',
  'Requirements',
  'Job Grade',
  'Performance Indicators',
  'Career Ladder',
  'Hiring Process',
  'Levels',
  'Specialties',
  'Segment',
  'Compensation',
  'About GitLab',
  'Responsibilites',
  'Requirments',
  'Performance indicators',
  'Hiring process',
  'Specialities',
  'Job Family',
];
const UNICODE = ['é', 'ß', 'İ', 'ﬁ', '中文', 'العربية', '👩‍💻', '🏳️‍🌈', 'e\u0301', '\u200b', '\u00a0', '\u2028', '\ufeff', '\ud83d', '\u202e', 'Ω', '🙂'];
const WORDS = [
  'the', 'team', 'works', 'with', 'product', 'and', 'engineering', 'to', 'deliver', 'GitLab', 'features', 'Ability to use GitLab',
  'he', 'she', 'his', 'her', 'you will', 'exciting opportunity', "we're hiring", 'rockstar', 'ninja', 'collaborative', 'supportive', 'competitive', 'dominant',
  '5+ years', 'ten years of experience', 'based in EMEA', 'Americas', 'APAC', 'TBD', 'TODO', 'TO BE ADDED', 'reports to the Director', 'is a', 'grade',
];
const PATHS = [
  '/handbook/hiring/',
  '/handbook/hiring/interviewing/',
  '/handbook/hiring/interviewing/#screening-call',
  '/handbook/hiring/#Screening-Call',
  '/handbook/values/',
  '/handbook/values/#credit',
  '/handbook/valus/',
  '/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades',
  '/handbook/total rewards/',
  '/handbook/people-group/',
  '/handbook/company/structure/#levels',
  '/handbook/engineering/development/performance-indicators/',
  '/job-families/engineering/backend-engineer/',
  '/job-families/engineering/backend-enginer/',
  '/job-families/sales/account-manager/#account-manager-job-grade',
  '../backend-engineer/',
  './x.md',
  'handbook/hiring/',
  'content/handbook/values.md',
  'https://about.gitlab.com/handbook/hiring/',
  'https://handbook.gitlab.com/handbook/values/',
  'https://example.com/a_(b)',
  '/hiring/',
  '#responsibilities',
  '#Responsibilities',
  '#senior-backend-engineer-job-grade',
  '#nowhere',
  '',
];

const word = fc.oneof({ arbitrary: pick(...WORDS), weight: 6 }, { arbitrary: pick(...UNICODE), weight: 1 }, { arbitrary: fc.string({ maxLength: 6, unit: 'grapheme-ascii' }), weight: 2 });
const path = pick(...PATHS);
const grade = fc.oneof(
  fc.integer({ min: 0, max: 15 }).map((n) => `grade ${n}`),
  fc.integer({ min: 3, max: 13 }).map((n) => `Grade ${n}`),
  fc.integer({ min: 3, max: 13 }).map((n) => `[grade ${n}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)`),
  fc.integer({ min: 3, max: 13 }).map((n) => `[${n}](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)`),
  fc.integer({ min: 3, max: 13 }).map((n) => `[grade ${n}](/handbook/total rewards/)`),
  fc.integer({ min: 3, max: 13 }).map((n) => `Job Grade: ${n}`),
  fc.integer({ min: 3, max: 13 }).map((n) => `is a ${n}.`),
  pick('[grade #]', 'grade 7.5', 'grades 6-7', 'grade 7 or 8'),
);
const link = fc.oneof(
  fc.tuple(word, path).map(([t, p]) => `[${t}](${p})`),
  fc.tuple(word, path).map(([t, p]) => `[${t}](<${p}>)`),
  fc.tuple(word, path).map(([t, p]) => `[${t}](${p} "title")`),
  fc.tuple(word, path).map(([t, p]) => `![${t}](${p})`),
  fc.tuple(word, path).map(([t, p]) => `[${t}] (${p})`),
  fc.tuple(word, path).map(([t, p]) => `[${t}](${p}`),
  fc.tuple(word, pick('hiring', '/handbook/hiring', 'interviewing#screening-call', 'values.md', 'nowhere')).map(([t, p]) => `[${t}]({{< ref "${p}" >}})`),
  fc.tuple(word, pick('r1', 'r2', 'missing')).map(([t, r]) => `[${t}][${r}]`),
  path.map((p) => `<https://about.gitlab.com${p}>`),
  path.map((p) => `<a href="${p}">link</a>`),
  pick('<a id="custom-anchor"></a>', '<a name="x">', '<span id=\'y\'>', '<div>'),
);
const shortcode = pick('{{< note >}}', '{{< /note >}}', '{{% details summary="x" %}}', '{{% /details %}}', '{{< ref "hiring" >}}', '{{< x ', '{{/* comment */}}');
const inlineOther = pick('`code`', '``a ` b``', '`unclosed', '**bold**', '_em_', '*a', '\\[', '&amp;', '&nbsp;', '{add a responsibility}', '{add', '<!-- comment -->', '<!-- unclosed', '<!-- jobfamily-disable-next-line JF020 -->', '<!-- jobfamily-disable JF028 -->', '  ', '\t', '|', '[', ']', '(', ')');
const inline = fc.oneof({ arbitrary: word, weight: 8 }, { arbitrary: grade, weight: 3 }, { arbitrary: link, weight: 3 }, { arbitrary: shortcode, weight: 1 }, { arbitrary: inlineOther, weight: 2 });
const sentence = fc.array(inline, { minLength: 1, maxLength: 10 }).map((xs) => xs.join(' '));

const levelPrefix = fc.tuple(pick(...LEVELS), pick(...ROLES)).map(([l, r]) => (r ? `${l} ${r}` : l));
const headingText = fc.oneof(
  pick(...KINDS),
  fc.tuple(levelPrefix, pick(...KINDS)).map(([p, k]) => `${p} ${k}`),
  levelPrefix,
  fc.tuple(pick(...LEVELS), pick(...ROLES)).map(([l, r]) => `${r} (${l})`),
  sentence,
  fc.tuple(pick(...KINDS), pick('{#custom-id}', ' {#x}', ' #', '')).map(([k, s]) => `${k}${s}`),
);

type Block = string[];

const heading: fc.Arbitrary<Block> = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), headingText).map(([d, t]) => [`${'#'.repeat(d)} ${t}`]),
  fc.tuple(headingText, pick('===', '---', '-')).map(([t, u]) => [t, u]),
  fc.tuple(headingText, headingText, pick('===', '---')).map(([a, b, u]) => [a, b, u]),
  pick(['#no-space'], ['####### seven'], [' ## indented'], ['##']),
);
const listItem = fc.tuple(pick('- ', '* ', '+ ', '1. ', '2) ', '  - ', '    - ', '-   '), sentence).map(([m, s]) => `${m}${s}`);
const list: fc.Arbitrary<Block> = fc.array(listItem, { minLength: 1, maxLength: 6 });
const paragraph: fc.Arbitrary<Block> = fc.array(sentence, { minLength: 1, maxLength: 3 });
const fence: fc.Arbitrary<Block> = fc
  .tuple(pick('```', '~~~', '````', '```yaml'), fc.array(sentence, { maxLength: 3 }), fc.boolean())
  .map(([f, body, closed]) => [f, ...body, ...(closed ? [f.replace(/[a-z]+$/, '')] : [])]);
const indentedCode: fc.Arbitrary<Block> = sentence.map((s) => [`    ${s}`]);
const html: fc.Arbitrary<Block> = pick(['<div class="x">', '<a id="html-id">text</a>', '</div>'], ['<!--', 'multi-line comment', '-->'], ['<details>', '<summary>S</summary>', '</details>'], ['<table><tr><td>x</td></tr></table>']);
const table: fc.Arbitrary<Block> = fc.tuple(sentence, sentence).map(([a, b]) => ['| A | B |', '| --- | --- |', `| ${a} | ${b} |`]);
const quote: fc.Arbitrary<Block> = sentence.map((s) => [`> ${s}`]);
const definitions: fc.Arbitrary<Block> = pick(['[r1]: /handbook/hiring/'], ['[r2]: https://about.gitlab.com/handbook/values/ "Values"'], ['[R1]: /handbook/valus/']);
const blank: fc.Arbitrary<Block> = fc.integer({ min: 1, max: 3 }).map((n) => Array.from({ length: n }, () => ''));
const trailing: fc.Arbitrary<Block> = sentence.map((s) => [`${s}   `]);

const block: fc.Arbitrary<Block> = fc.oneof(
  { arbitrary: heading, weight: 5 },
  { arbitrary: list, weight: 4 },
  { arbitrary: paragraph, weight: 4 },
  { arbitrary: blank, weight: 3 },
  { arbitrary: fence, weight: 1 },
  { arbitrary: indentedCode, weight: 1 },
  { arbitrary: html, weight: 1 },
  { arbitrary: table, weight: 1 },
  { arbitrary: quote, weight: 1 },
  { arbitrary: definitions, weight: 1 },
  { arbitrary: trailing, weight: 1 },
);

const fmValue = fc.oneof(
  fc.tuple(pick('Senior Backend Engineer', 'Account Executive', 'The "Role"', 'a: b', ''), fc.boolean()).map(([v, q]) => (q ? JSON.stringify(v) : v)),
  pick('', '[a, b]', '{x: 1}', '|', '>-', '- item', 'job_family_page', '*anchor', '&anchor value', "'unclosed", '"unclosed', '@x', '`tick`'),
  fc.string({ maxLength: 12 }),
);
const fmLine = fc.oneof(
  { arbitrary: fc.tuple(pick('title', 'description', 'layout', 'extra_js', 'canonical_path', 'twitter_image', 'aliases', 'weight', 'Title', 'unknown_key'), fmValue).map(([k, v]) => `${k}: ${v}`), weight: 6 },
  { arbitrary: pick('', '  - /job-families/old/', '# comment', '\tindented: tab', 'not a key', '---x', '...'), weight: 1 },
);
const frontMatter: fc.Arbitrary<Block> = fc.oneof(
  { arbitrary: fc.tuple(fmLine, fc.array(fmLine, { maxLength: 6 }), fc.boolean(), pick('---', '...', '--- ')).map(([t, rest, closed, close]) => ['---', t, ...rest, ...(closed ? [close] : [])]), weight: 8 },
  { arbitrary: fc.array(fmLine, { maxLength: 3 }).map((xs) => ['+++', ...xs, '+++']), weight: 1 },
  { arbitrary: fc.constant<string[]>([]), weight: 1 },
  { arbitrary: fc.array(fmLine, { maxLength: 3 }).map((xs) => ['\ufeff---', ...xs, '---']), weight: 1 },
);

/** One kind of line break for the page, or a mix. */
const lineBreaks = fc.oneof(
  { arbitrary: fc.constant<readonly string[]>(['\n']), weight: 6 },
  { arbitrary: fc.constant<readonly string[]>(['\r\n']), weight: 2 },
  { arbitrary: fc.constant<readonly string[]>(['\r']), weight: 1 },
  { arbitrary: fc.constant<readonly string[]>(['\n', '\r\n', '\r']), weight: 1 },
);

/** A generated job-family-like page. */
export const jobFamilyPage: fc.Arbitrary<string> = fc
  .tuple(frontMatter, fc.array(block, { maxLength: 16 }), lineBreaks, fc.array(fc.nat(), { maxLength: 64 }), pick('', '\n', '\n\n', '\r\n'))
  .map(([fm, blocks, breaks, choice, end]) => {
    const lines = [...fm, '', ...blocks.flat()];
    let out = '';
    lines.forEach((l, i) => {
      out += l;
      if (i < lines.length - 1) out += breaks[(choice[i % Math.max(1, choice.length)] ?? 0) % breaks.length]!;
    });
    return out + end;
  });

/** A change to a text: insert, delete or duplicate characters or lines. Positions are taken modulo the text length. */
export type Mutation =
  | { readonly kind: 'insert'; readonly at: number; readonly text: string }
  | { readonly kind: 'delete'; readonly at: number; readonly length: number }
  | { readonly kind: 'duplicate'; readonly at: number; readonly length: number }
  | { readonly kind: 'deleteLine'; readonly line: number }
  | { readonly kind: 'duplicateLine'; readonly line: number }
  | { readonly kind: 'insertLine'; readonly line: number; readonly text: string };

const insertText = fc.oneof(pick('[', ']', '(', ')', '`', '```', '---', '\n', '\r', '\r\n', '#', '## ', '- ', '<', '>', '{{<', '>}}', '{add ', 'grade 7', '*', '_', '|', '\\', '\u0000', '\t'), pick(...UNICODE), fc.string({ maxLength: 8 }));

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: insertText }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 80 }) }),
  fc.record({ kind: fc.constant('deleteLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }),
  fc.record({ kind: fc.constant('insertLine' as const), line: fc.nat(), text: fc.oneof(sentence, heading.map((h) => h.join('\n')), listItem) }),
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length ? ('at' in m ? m.at % (t.length + 1) : 0) : 0;
    switch (m.kind) {
      case 'insert':
        t = t.slice(0, at) + m.text + t.slice(at);
        break;
      case 'delete':
        t = t.slice(0, at) + t.slice(at + m.length);
        break;
      case 'duplicate':
        t = t.slice(0, at + m.length) + t.slice(at, at + m.length) + t.slice(at + m.length);
        break;
      default: {
        const lines = t.split('\n');
        const n = m.line % Math.max(1, lines.length);
        if (m.kind === 'deleteLine') lines.splice(n, 1);
        else if (m.kind === 'duplicateLine') lines.splice(n, 0, lines[n] ?? '');
        else lines.splice(n, 0, m.text);
        t = lines.join('\n');
      }
    }
  }
  return t;
}

/** An edit as an editor sends it: a range (as offsets into the current text, taken modulo its length) and new text. */
export interface RandomEdit {
  readonly from: number;
  readonly length: number;
  readonly text: string;
}

export const randomEdit: fc.Arbitrary<RandomEdit> = fc.record({
  from: fc.nat(),
  length: fc.oneof({ arbitrary: fc.constant(0), weight: 3 }, { arbitrary: fc.integer({ min: 1, max: 30 }), weight: 2 }),
  text: fc.oneof({ arbitrary: insertText, weight: 4 }, { arbitrary: sentence, weight: 2 }, { arbitrary: fc.constant(''), weight: 2 }, { arbitrary: heading.map((h) => `\n${h.join('\n')}\n`), weight: 1 }),
});
