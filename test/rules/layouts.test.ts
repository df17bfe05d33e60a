import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { readMarkers } from '../support/markers';
import { MemoryWorkspace } from '../support/memoryWorkspace';
import { FIXTURES } from '../support/paths';
import { doc, findingsOf, initialized } from '../support/service';

/**
 * How a page is laid out decides what each structure rule asks of it: its roles and levels,
 * their grades, their Requirements. Each page of test/fixtures/layouts marks the structure
 * findings it must get (`<!-- {JF023} -->`); every other structure finding is wrong.
 */
const STRUCTURE = new Set(['JF012', 'JF013', 'JF015', 'JF018', 'JF021', 'JF022', 'JF023', 'JF044', 'JF045']);
const DIR = path.join(FIXTURES, 'layouts');

/** Where each page sits in the site: an expertise lives under job-families/expert/. */
const placeOf = (name: string): string => (name.startsWith('expertise') ? `content/job-families/expert/${name}` : `content/job-families/layouts/${name}`);

describe('layouts read as the handbook means them', () => {
  const pages = readdirSync(DIR)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => ({ name, ...readMarkers(readFileSync(path.join(DIR, name), 'utf8')) }));
  const files: Record<string, string> = { 'config/_default/config.yaml': 'markup: {}\n' };
  for (const p of pages) files[placeOf(p.name)] = p.text;
  const ws = new MemoryWorkspace(files);

  it('has pages for an expertise, Template 2 roles, and specialties in both places', () => {
    assert.deepEqual(
      pages.map((p) => p.name),
      ['expertise.md', 'levels-in-specialties.md', 'specialties-in-levels.md', 'specialty-of-a-role.md', 'template-2-per-role.md'],
    );
  });

  for (const page of pages) {
    it(`${page.name}: exactly the marked structure findings`, async () => {
      const ls = await initialized(ws);
      const findings = await findingsOf(ls, doc(ws.uri(placeOf(page.name)), page.text));
      const actual = findings.filter((f) => STRUCTURE.has(f.rule.meta.id)).map((f) => `${f.range.start.line}:${f.rule.meta.id}`).sort();
      assert.deepEqual(actual, page.expected, findings.map((f) => `${f.range.start.line}:${f.rule.meta.id} ${f.message}`).join('\n'));
    });
  }
});
