import * as assert from 'node:assert/strict';
import { parseModel } from '../../server/src/service/model/model';
import { corpusPages } from '../support/corpusPages';
import { modelText } from '../support/modelText';
import { prng } from '../support/prng';

/** What typing does: letters and spaces mostly, and every character that starts or ends a block. */
const TYPED = ['a', 'e', 'r', ' ', ' ', 'é', '\t', '#', '-', '=', '\n', '<', '{', '`', ':', '[', ']', '(', ')', '>', '*', '_', '|', '1', '.', '~', '!', '\\'];

describe('the next version of an open page reads the same as a fresh parse of its text', function () {
  this.timeout(300_000);
  const pages = corpusPages();

  it('finds the corpus pages', () => {
    assert.ok(pages.length >= 100, `only ${pages.length} pages`);
  });

  it('after every edit, a character typed or deleted anywhere in the page; most edits keep the blocks', () => {
    const random = prng(20261203);
    let kept = 0;
    let edits = 0;
    const wrong: string[] = [];
    for (const page of pages) {
      const uri = `file:///hb/content/job-families/${page.rel}`;
      let text = page.text;
      let model = parseModel(text, uri, 1);
      // Typing stays in one place for a while, as a writer does: a line, then another.
      let line = 0;
      for (let k = 0; k < 30; k++) {
        const lines = model.lines;
        if (k % 10 === 0) line = Math.floor(random() * lines.lineCount);
        const start = lines.starts[line] ?? 0;
        const at = start + Math.floor(random() * (lines.line(line).length + 1));
        const next =
          random() < 0.25 && at < text.length ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + TYPED[Math.floor(random() * TYPED.length)]! + text.slice(at);
        const reused = parseModel(next, uri, k + 2, model);
        const fresh = parseModel(next, uri, k + 2);
        edits++;
        if (reused.headings === model.headings) kept++;
        if (modelText(reused) !== modelText(fresh)) wrong.push(`${page.rel}: edit ${k} at offset ${at} (line ${line})`);
        text = next;
        model = reused;
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
    // The blocks are kept for about half the edits: typing in text, not in markup.
    assert.ok(kept > edits / 4, `blocks kept after ${kept} of ${edits} edits`);
    assert.ok(kept < edits, 'every edit kept the blocks');
  });
});
