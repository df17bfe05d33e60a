import * as assert from 'node:assert/strict';
import { matchesGlobs } from '../../server/src/service';

describe('file globs', () => {
  it('matches the default pattern on relative and absolute paths', () => {
    const g = ['**/job-families/**/*.md'];
    assert.ok(matchesGlobs('content/job-families/sales/deal-desk.md', g));
    assert.ok(matchesGlobs('/work/hb/content/job-families/a/b/c.md', g));
    assert.ok(!matchesGlobs('content/handbook/hiring.md', g));
    assert.ok(!matchesGlobs('content/job-families/sales/notes.txt', g));
  });

  it('supports braces, classes and single stars', () => {
    assert.ok(matchesGlobs('content/job-families/x.md', ['content/{job-families,roles}/*.md']));
    assert.ok(matchesGlobs('content/roles/x.md', ['content/{job-families,roles}/*.md']));
    assert.ok(!matchesGlobs('content/roles/a/x.md', ['content/roles/*.md']));
    assert.ok(matchesGlobs('page1.md', ['page[0-9].md']));
  });
});
