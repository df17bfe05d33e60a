import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { RULES } from '../../server/src/service';
import { ruleDocs, UNDOCUMENTED } from '../../server/src/service/rules/docs';
import { ROOT } from '../support/paths';

describe('rule registry', () => {
  it('has a documentation page body for every rule', () => {
    assert.deepEqual(UNDOCUMENTED, []);
  });

  it('gives every rule complete, unique metadata', () => {
    const ids = new Set<string>();
    const aliases = new Set<string>();
    RULES.forEach((r, i) => {
      const m = r.meta;
      assert.equal(m.id, `JF${String(i + 1).padStart(3, '0')}`, 'codes are sequential in registry order');
      assert.match(m.alias, /^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${m.id} alias is kebab-case`);
      assert.ok(!ids.has(m.id) && !aliases.has(m.alias), `${m.id} is unique`);
      ids.add(m.id);
      aliases.add(m.alias);
      assert.match(m.description, /^[A-Z`"].*\.$/, `${m.id} description is one sentence`);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(m.severity));
      assert.ok(m.tags.length > 0, `${m.id} has tags`);
      assert.ok(ruleDocs(m.id).trim().length > 80, `${m.id} has a docs body`);
    });
  });

  it('keeps docs, the README table and the settings schema in step with the registry', async () => {
    const generator = (await import(path.join(ROOT, 'scripts', 'generate.mjs'))) as { drift(): Promise<string[]> };
    assert.deepEqual(await generator.drift(), [], 'run npm run generate');
  });
});
