import * as assert from 'node:assert/strict';
import type { CompletionItem } from 'vscode-languageserver-types';
import { MemoryWorkspace } from '../../support/memoryWorkspace';
import { openMarked } from '../../support/cursor';
import { GRADE_TABLE as G, NEVER, service } from '../../support/service';

const URI = 'file:///hb/content/job-families/engineering/backend.md';

/** Completions at the `¦` in the text. */
async function at(text: string, ls = service(), uri = URI): Promise<CompletionItem[]> {
  const { position } = openMarked(ls, uri, text);
  return (await ls.getCompletions(uri, position, NEVER))?.items ?? [];
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label);
const first = (items: CompletionItem[]): CompletionItem => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0]!;
const newText = (i: CompletionItem): string => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : String(i.insertText));

const PAGE = ['---', 'title: "Backend Engineer"', '---', '', '## Responsibilities', '', '- Builds things', '', '## Levels', '', '### Senior Backend Engineer', '', 'The Senior Backend Engineer reports to the manager.', '', '#### Senior Backend Engineer Job Grade', '', `The Senior Backend Engineer is a [grade 7](${G}).`, '', '#### Senior Backend Engineer Responsibilities', '', '- Mentors', ''];

function with_(lines: string[], at: number, insert: string): string {
  const copy = [...lines];
  copy.splice(at, 0, insert);
  return copy.join('\n');
}

describe('completions', () => {
  describe('grades', () => {
    it('in a Job Grade section: every grade, the level\'s own first, as the linked form', async () => {
      const items = await at(with_(PAGE, 17, 'Also a grade ¦'));
      assert.deepEqual(labels(items).length, 11);
      assert.equal(first(items).label, 'grade 7');
      assert.match(String(first(items).detail), /Senior/);
      assert.equal(newText(first(items)), `[grade 7](${G})`);
      assert.ok(!labels(items).includes('grade 13'));
    });

    it('a level between two others gets the grade between theirs first, preselected, even when its title says nothing', async () => {
      const ladder = ['---', 'title: "Deal Desk"', '---', '', '## Levels', '', '### Deal Desk Analyst', '', '#### Deal Desk Analyst Job Grade', '', `The Deal Desk Analyst is a [grade 6](${G}).`, '', '### Deal Strategist', '', '#### Deal Strategist Job Grade', '', 'The Deal Strategist is a ¦', '', '### Senior Deal Strategist', '', '#### Senior Deal Strategist Job Grade', '', `The Senior Deal Strategist is a [grade 8](${G}).`, ''].join('\n');
      const items = await at(ladder);
      const sorted = [...items].sort((a, b) => String(a.sortText).localeCompare(String(b.sortText)));
      assert.equal(sorted[0]!.label, 'grade 7');
      assert.equal(sorted[0]!.preselect, true);
      assert.deepEqual(items.filter((i) => i.preselect).map((i) => i.label), ['grade 7']);
      assert.ok(items.every((i) => i.label.startsWith('grade ')), 'only grades in a grade context');
    });

    it('inside [grade …] link text: just the number', async () => {
      const items = await at(with_(PAGE, 17, `The X is a [grade ¦](${G}).`));
      assert.equal(newText(first(items)), '7');
    });

    it('after "is a" in a grade sentence anywhere', async () => {
      assert.ok(labels((await at('## Levels\n\n### Staff Engineer\n\nThe Staff Engineer is a ¦'))).includes('grade 8'));
    });

    it('not in a Responsibilities bullet', async () => {
      assert.ok(!labels((await at(with_(PAGE, 7, '- Mentors engineers up to grade ¦')))).some((l) => l.startsWith('grade ')));
    });
  });

  describe('headings', () => {
    it('after ## offers the template\'s missing family-wide sections in order', async () => {
      assert.deepEqual(labels((await at(with_(PAGE, 22, '## ¦')))), ['Requirements', 'Segment', 'Specialties', 'Performance Indicators', 'Career Ladder', 'Hiring Process']);
    });

    it('after #### in a level offers its missing subsections with its name', async () => {
      assert.deepEqual(labels((await at(with_(PAGE, 22, '#### ¦')))), ['Senior Backend Engineer Requirements', 'Senior Backend Engineer Performance Indicators']);
    });

    it('after ### in Levels offers level titles with the intermediate convention', async () => {
      const items = labels((await at(with_(PAGE, 9, '### ¦'))));
      assert.ok(items.includes('Associate Backend Engineer'));
      assert.ok(items.includes('Backend Engineer (Intermediate)'));
      assert.ok(items.includes('Manager, Backend Engineer'));
    });

    it('not in the middle of a paragraph', async () => {
      assert.deepEqual(labels((await at(with_(PAGE, 7, 'A paragraph about ## ¦')))), []);
    });
  });

  describe('front matter', () => {
    it('offers the keys not used yet, with value shapes', async () => {
      const items = await at('---\ntitle: "T"\n¦\n---\n');
      assert.ok(!labels(items).includes('title'));
      assert.ok(!labels(items).includes('layout'), 'not the obsolete key');
      assert.equal(newText(items.find((i) => i.label === 'description')!), 'description: "${1:What this job family does.}"');
    });

    it('offers true/false for boolean keys', async () => {
      assert.deepEqual(labels((await at('---\ntitle: "T"\ncontrolled_document: ¦\n---\n'))), ['true', 'false']);
    });
  });

  describe('links', () => {
    it('without a checkout: the well-known handbook pages and their anchors', async () => {
      const pages = await at('See the [hiring page](/handbook/hir¦');
      assert.ok(labels(pages).includes('Hiring'));
      const anchors = await at('See [grades](/handbook/total-rewards/compensation/compensation-calculator/#¦');
      assert.ok(labels(anchors).includes('#gitlab-job-grades'));
    });

    it('with a checkout: its pages with titles, and a page\'s heading anchors', async () => {
      const ws = new MemoryWorkspace({
        'content/handbook/hiring/_index.md': '---\ntitle: Hiring\n---\n\n## Screening call\n\n## Offers\n',
        'content/job-families/engineering/backend.md': PAGE.join('\n'),
      });
      const ls = service(ws);
      await ls.initialize(NEVER);
      const pages = await at('[hiring](/handbook/¦)', ls, ws.uri('content/job-families/engineering/backend.md'));
      const hiring = pages.find((i) => i.label === 'Hiring')!;
      assert.equal(newText(hiring), '/handbook/hiring/');
      const anchors = await at('[call](/handbook/hiring/#scr¦', ls, ws.uri('content/job-families/engineering/backend.md'));
      assert.deepEqual(labels(anchors), ['#screening-call', '#offers']);
      const refs = await at('[call]({{< ref "hir¦', ls, ws.uri('content/job-families/engineering/backend.md'));
      assert.equal(newText(refs.find((i) => i.label === 'Hiring')!), 'handbook/hiring');
      const same = await at(with_(PAGE, 7, '- See [levels](#¦'));
      assert.ok(labels(same).includes('#senior-backend-engineer'));
    });
  });

  describe('snippets', () => {
    it('offers the templates on an empty page, and the level snippet with the next grade on a page', async () => {
      assert.ok(labels((await at('jf¦'))).includes('jf-template-1'));
      const items = await at(with_(PAGE, 22, 'jf¦'));
      assert.ok(!labels(items).includes('jf-template-1'), 'not a whole page inside a page');
      assert.match(newText(items.find((i) => i.label === 'jf-level')!), /\[grade \$\{3:8\}\]/);
    });

    it('not inside code blocks', async () => {
      assert.deepEqual(labels((await at('```\njf¦\n```\n'))), []);
    });
  });
});
