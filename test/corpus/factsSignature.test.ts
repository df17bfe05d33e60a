import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pageAnchors } from '../../server/src/service/anchors';
import { extractPage } from '../../server/src/service/handbook/extract';
import { factsSignature, freshSignature } from '../../server/src/service/handbook/signature';
import { CORPUS, HANDBOOK } from '../support/paths';
import { prng } from '../support/prng';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = path.join(dir, n);
      return statSync(p).isDirectory() ? markdownFiles(p) : n.endsWith('.md') ? [p] : [];
    });
}

/** The line after the front matter, as the document model has it. */
function bodyStart(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  if (!/^\uFEFF?---\s*$/.test(lines[0] ?? '')) return 0;
  const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
  return close > 0 ? close + 1 : 0;
}

/** What typing does: a character in, a character out, a line break, in text that matters and text that does not. */
const TYPED = ['a', ' ', 'e', '#', '-', '=', '\n', '<', '{', '`', ':', '[', ']', '(', ')', '>', '*', '_', '|', '1', '.'];

describe('the index keeps a page’s facts when only lines that cannot change them changed', function () {
  this.timeout(120_000);
  const pages = [...markdownFiles(path.join(CORPUS, 'job-families')), ...markdownFiles(path.join(HANDBOOK, 'content')).filter((_, i) => i % 40 === 0)];

  it('finds pages to edit', () => {
    assert.ok(pages.length > 150, `only ${pages.length} pages`);
  });

  it('every edit that keeps the signature keeps the page’s anchors, columns and lines included', () => {
    const random = prng(20261203);
    let kept = 0;
    const wrong: string[] = [];
    for (const file of pages) {
      let text = readFileSync(file, 'utf8');
      // Read with no text given, so no remembered answer is used: the anchors are worked out each time.
      const anchorsOf = (t: string) => pageAnchors(t.split(/\r\n|\r|\n/), bodyStart(t));
      let anchors = anchorsOf(text);
      let signature = factsSignature(text, false);
      for (let k = 0; k < 25; k++) {
        const at = Math.floor(random() * (text.length + 1));
        const next = random() < 0.3 && at < text.length ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + TYPED[Math.floor(random() * TYPED.length)]! + text.slice(at);
        const nextSignature = factsSignature(next, false);
        const nextAnchors = anchorsOf(next);
        if (nextSignature === signature && bodyStart(next) === bodyStart(text)) {
          kept++;
          try {
            assert.deepEqual(nextAnchors, anchors);
          } catch {
            wrong.push(`${path.relative(CORPUS, file)}: an edit at offset ${at} kept the signature but changed the anchors`);
          }
        }
        text = next;
        anchors = nextAnchors;
        signature = nextSignature;
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
    assert.ok(kept > 1000, `kept ${kept}`);
  });

  it('every edit that keeps the signature keeps the facts; edits of both kinds are made', () => {
    const random = prng(20261201);
    let kept = 0;
    let changed = 0;
    const wrong: string[] = [];
    for (const file of pages) {
      let text = readFileSync(file, 'utf8');
      let facts = extractPage(text);
      // As the index asks: a job-family page's links into job families do not count.
      const familyLinks = !file.includes(`${path.sep}job-families${path.sep}`);
      let signature = factsSignature(text, familyLinks);
      for (let k = 0; k < 25; k++) {
        const at = Math.floor(random() * (text.length + 1));
        const next = random() < 0.3 && at < text.length ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + TYPED[Math.floor(random() * TYPED.length)]! + text.slice(at);
        const nextSignature = factsSignature(next, familyLinks);
        const nextFacts = extractPage(next);
        if (nextSignature === signature) {
          kept++;
          try {
            assert.deepEqual(nextFacts, facts);
          } catch {
            wrong.push(`${path.relative(CORPUS, file)}: an edit at offset ${at} kept the signature but changed the facts`);
          }
        } else changed++;
        text = next;
        facts = nextFacts;
        signature = nextSignature;
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
    assert.ok(kept > 1000 && changed > 1000, `kept ${kept}, changed ${changed}`);
  });

  it('the signature an edit of one line keeps is the one worked out afresh from the whole text', () => {
    const random = prng(20261204);
    let edits = 0;
    const wrong: string[] = [];
    for (const file of pages) {
      for (const familyLinks of [false, true]) {
        let text = readFileSync(file, 'utf8');
        factsSignature(text, familyLinks);
        const lines = text.split('\n').length;
        for (let k = 0; k < 10; k++) {
          // Several keystrokes in one line, as typing does: most keep the signature by the short way.
          const line = Math.floor(random() * lines);
          let start = 0;
          for (let n = 0; n < line; n++) start = text.indexOf('\n', start) + 1;
          const end = text.indexOf('\n', start) < 0 ? text.length : text.indexOf('\n', start);
          const at = start + Math.floor(random() * (end - start + 1));
          const next = random() < 0.3 && at < end ? text.slice(0, at) + text.slice(at + 1) : text.slice(0, at) + TYPED[Math.floor(random() * TYPED.length)]! + text.slice(at);
          edits++;
          if (factsSignature(next, familyLinks) !== freshSignature(next, familyLinks)) wrong.push(`${path.relative(CORPUS, file)}: line ${line}, offset ${at}`);
          text = next;
        }
      }
    }
    assert.deepEqual(wrong.slice(0, 10), []);
    assert.ok(edits > 3000, `${edits} edits`);
  });
});
