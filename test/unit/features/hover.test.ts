import * as assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-types';
import { openMarked } from '../../support/cursor';
import { MemoryWorkspace } from '../../support/memoryWorkspace';
import { GRADE_TABLE as G, NEVER, initialized, service } from '../../support/service';
import type { LanguageService } from '../../../server/src/service';

const URI = 'file:///hb/content/job-families/finance/tax.md';

/** The hover's Markdown at the `¦`, or null when there is none. */
async function hoverAt(source: string, ls: LanguageService = service(), uri = URI): Promise<{ value: string; hover: Hover } | null> {
  const { position } = openMarked(ls, uri, source);
  const hover = await ls.getHover(uri, position, NEVER);
  if (!hover) return null;
  const contents = hover.contents as { kind: string; value: string };
  assert.equal(contents.kind, 'markdown');
  return { value: contents.value, hover };
}

const page = (body: string): string => `---\ntitle: "Tax"\n---\n\n${body}\n`;

describe('hover', () => {
  it('shows a grade\'s rows of the grade table, over the grade mention', async () => {
    const h = await hoverAt(page(`## Job Grade\n\nThe Senior Tax Analyst is a [grade ¦7](${G}).`));
    assert.ok(h);
    assert.match(h.value, /^\*\*Grade 7\*\*/);
    assert.match(h.value, /Individual contributor: Senior/);
    assert.equal(h.hover.range?.start.line, 6, 'the range is the mention on its line');
  });

  it('says the template\'s `#` is still to be written', async () => {
    const h = await hoverAt(page(`## Job Grade\n\nThe Tax Analyst is a [grade ¦#](${G}).`));
    assert.match(h?.value ?? '', /still the template's `#`/);
  });

  it('names a same-page link\'s heading and its line, or says the anchor is not on the page', async () => {
    const found = await hoverAt(page('## Requirements\n\n- Read [the list](¦#requirements).'));
    assert.match(found?.value ?? '', /Heading on this page: \*\*Requirements\*\* \(line 5\)/);
    const missing = await hoverAt(page('## Requirements\n\n- Read [the list](¦#nowhere).'));
    assert.match(missing?.value ?? '', /`#nowhere` is not an anchor on this page/);
  });

  it('names an external link\'s address', async () => {
    const h = await hoverAt(page('See [the site](https://exa¦mple.com/jobs).'));
    assert.equal(h?.value, 'External link: `https://example.com/jobs`');
  });

  it('says a handbook link is not checked when no checkout is open', async () => {
    const h = await hoverAt(page('See [values](/handbook/val¦ues/).'));
    assert.match(h?.value ?? '', /^`\/handbook\/values\/`: not checked, because no handbook checkout/);
  });

  it('shows a linked page\'s title, path and description in a checkout, or the closest path when there is no such page', async () => {
    const ws = new MemoryWorkspace({
      'config/_default/config.yaml': 'markup: {}\n',
      'content/handbook/_index.md': '---\ntitle: "Handbook"\n---\n',
      'content/handbook/values/_index.md': '---\ntitle: "GitLab Values"\ndescription: "What we value."\n---\n\n## Results\n',
      'content/job-families/finance/tax.md': page(''),
    });
    const ls = await initialized(ws);
    const uri = ws.uri('content/job-families/finance/tax.md');
    const h = await hoverAt(page('See [values](/handbook/val¦ues/).'), ls, uri);
    assert.equal(h?.value, '**GitLab Values**\n\n`/handbook/values/`\n\nWhat we value.');
    const typo = await hoverAt(page('See [values](/handbook/valu¦se/).'), ls, uri);
    assert.equal(typo?.value, '`/handbook/valuse/` names no page of the site; the closest is `/handbook/values/`.');
  });

  it('explains a standard section at its heading, and says when the handbook CI requires it', async () => {
    const required = await hoverAt(page('## Respons¦ibilities\n\n- Files returns.'));
    assert.match(required?.value ?? '', /^\*\*Responsibilities\*\*: /);
    assert.match(required?.value ?? '', /Required by the handbook CI/);
    const optional = await hoverAt(page('## Career La¦dder\n\nTax Analyst, then Senior Tax Analyst.'));
    assert.match(optional?.value ?? '', /^\*\*Career Ladder\*\*: /);
    assert.doesNotMatch(optional?.value ?? '', /Required by the handbook CI/);
  });

  it('names the level a level\'s own section belongs to', async () => {
    const h = await hoverAt(page('## Levels\n\n### Senior Tax Analyst\n\n#### Senior Tax Analyst Responsi¦bilities\n\n- Reviews returns.'));
    assert.match(h?.value ?? '', /This is the \*\*Responsibilities\*\* of the level \*Senior Tax Analyst\*/);
  });

  it('documents a known front-matter key, and nothing for an unknown one or for plain text', async () => {
    const known = await hoverAt('---\nti¦tle: "Tax"\n---\n');
    assert.match(known?.value ?? '', /^`title` \(string\): The job family name/);
    assert.equal(await hoverAt('---\ntitle: "Tax"\nmy¦key: 1\n---\n'), null);
    assert.equal(await hoverAt(page('Plain te¦xt.')), null);
  });
});
