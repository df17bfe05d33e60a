import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/service';
import { MemoryWorkspace } from '../support/memoryWorkspace';
import { readMarkers } from '../support/markers';
import { EXAMPLES, FIXTURES } from '../support/paths';
import { doc, findingsOf, NEVER, service } from '../support/service';

/** The example handbook's pages, in memory, so link rules have real pages to resolve against. */
function handbookWorkspace(): MemoryWorkspace {
  const ws = new MemoryWorkspace();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else ws.set(path.relative(EXAMPLES, p).split(path.sep).join('/'), readFileSync(p, 'utf8'));
    }
  };
  for (const part of ['content', 'config', 'layouts', 'data']) walk(path.join(EXAMPLES, part));
  return ws;
}

interface Fixture {
  readonly name: string;
  readonly text: string;
  readonly expected: readonly string[];
}

function loadFixtures(alias: string): Fixture[] {
  const dir = path.join(FIXTURES, 'rules', alias);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort()
    .map((name) => {
      const raw = readFileSync(path.join(dir, name), 'utf8');
      const sidecar = path.join(dir, `${name}.expected`);
      if (existsSync(sidecar)) {
        const expected = readFileSync(sidecar, 'utf8').split('\n').filter(Boolean).sort();
        return { name, text: raw, expected };
      }
      const marked = readMarkers(raw);
      return { name, text: marked.text, expected: marked.expected };
    });
}

describe('rule fixtures', () => {
  const ws = handbookWorkspace();
  // One service for the whole suite: its handbook index is built once.
  const ls = service(ws);
  before(() => ls.initialize(NEVER));

  for (const rule of RULES) {
    const { id, alias, fixable } = rule.meta;
    describe(`${id} ${alias}`, () => {
      const fixtures = loadFixtures(alias);
      const uriOf = (f: Fixture): string => ws.uri(`content/job-families/fixtures/${alias}/${f.name}`);
      const check = async (f: Fixture) => {
        return findingsOf(ls, doc(uriOf(f), f.text));
      };

      it('has a fixture that triggers it and one that does not', () => {
        assert.ok(fixtures.some((f) => f.expected.some((e) => e.endsWith(id))), `test/fixtures/rules/${alias}/ needs a page with a {${id}} marker`);
        assert.ok(fixtures.some((f) => !f.expected.some((e) => e.endsWith(id))), `test/fixtures/rules/${alias}/ needs a page without ${id}`);
      });

      for (const f of fixtures) {
        it(`finds exactly the marked lines in ${f.name}`, async () => {
          const actual = (await check(f)).filter((x) => x.rule.meta.id === id).map((x) => `${x.range.start.line}:${id}`).sort();
          assert.deepEqual(actual, f.expected.filter((e) => e.endsWith(id)));
        });
      }

      if (fixable) {
        it('offers a fix; fixing applies the safe ones and leaves no safe fix behind', async () => {
          const bad = fixtures.filter((f) => f.expected.some((e) => e.endsWith(id)));
          let offered = 0;
          for (const f of bad) {
            const before = (await check(f)).filter((x) => x.rule.meta.id === id);
            offered += before.filter((x) => x.fix).length;
            const fixed = await ls.fixText(uriOf(f), f.text, {}, NEVER);
            const after = await findingsOf(ls, doc(uriOf(f), fixed.text));
            assert.deepEqual(after.filter((x) => x.fix?.kind === 'safe').map((x) => `${x.rule.meta.id}@${x.range.start.line}: ${x.message}`), [], `${f.name} after fixing:\n${fixed.text}`);
            const stillSafe = before.filter((x) => x.fix?.kind === 'safe').length && after.some((x) => x.rule.meta.id === id && x.fix?.kind === 'safe');
            assert.ok(!stillSafe, `${f.name}: the safe ${id} fixes were not applied`);
          }
          assert.ok(offered > 0, `${id} is marked fixable but offered no fix`);
        });

        it('its suggestions, when taken, leave none of its fixable findings', async () => {
          for (const f of fixtures.filter((x) => x.expected.some((e) => e.endsWith(id)))) {
            const fixed = await ls.fixText(uriOf(f), f.text, { suggestions: true, rules: [id] }, NEVER);
            const after = await findingsOf(ls, doc(uriOf(f), fixed.text));
            assert.deepEqual(after.filter((x) => x.rule.meta.id === id && x.fix).map((x) => `${x.range.start.line}: ${x.message}`), [], `${f.name} after taking every ${id} fix:\n${fixed.text}`);
          }
        });
      }
    });
  }

  describe('correct pages', () => {
    for (const name of readdirSync(path.join(FIXTURES, 'clean')).filter((n) => n.endsWith('.md'))) {
      it(`${name} has no finding at all`, async () => {
        const text = readFileSync(path.join(FIXTURES, 'clean', name), 'utf8');
        const f = await findingsOf(ls, doc(ws.uri(`content/job-families/clean/${name}`), text));
        assert.deepEqual(f.map((x) => `${x.rule.meta.id}@${x.range.start.line + 1}: ${x.message}`), []);
      });
    }
  });
});
