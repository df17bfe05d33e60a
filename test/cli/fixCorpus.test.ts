import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffLines } from '../../server/src/cli/diff';
import { decodePage } from '../../server/src/cli/files';
import { FileWorkspace, toUri } from '../../server/src/node/fileWorkspace';
import { NEVER_CANCELLED, createLanguageService, lintText, type LanguageService } from '../../server/src/service';
import { applyEdits, combineFixes } from '../../server/src/service/features/fixes';
import { parseModel } from '../../server/src/service/model/model';
import { lint, lintJson } from '../support/cli';
import { CORPUS } from '../support/paths';

const PLACEHOLDER = /\{add\b|\[grade #\]/gi;

function checkout(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jfa-fix-corpus-'));
  cpSync(path.join(CORPUS, 'job-families'), path.join(dir, 'content', 'job-families'), { recursive: true });
  return dir;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  // The CLI checks pages in path order; split families see their fixed siblings in the same order.
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

async function service(root: string): Promise<LanguageService> {
  const ls = createLanguageService({ workspace: FileWorkspace.fromPaths([root]) });
  await ls.initialize(NEVER_CANCELLED);
  return ls;
}

/** True when the CLI leaves the page alone: its front matter cannot be parsed, or the model could not be built. */
async function unfixable(ls: LanguageService, uri: string, text: string): Promise<boolean> {
  ls.openDocument({ uri, version: 1, getText: () => text }, { jobFamily: true });
  const m = ls.getModel(uri)!;
  const skip = !!(m.failed || m.unreadable || m.frontMatter?.errors.length);
  await ls.closeDocument(uri, NEVER_CANCELLED);
  return skip;
}

interface Replayed {
  readonly text: string;
  /** Lines of the original text that some applied fix edited. */
  readonly touched: ReadonlySet<number>;
}

/**
 * The service's fix passes, one by one, recording which lines of the original each
 * applied edit lies on (through a line diff of the original and the text of that pass).
 */
async function replayFixes(ls: LanguageService, uri: string, original: string): Promise<Replayed> {
  const touched = new Set<number>();
  let text = original;
  for (let pass = 0; pass < 10; pass++) {
    const findings = await lintText(ls, uri, text);
    const edits = combineFixes(findings, { suggestions: false });
    if (!edits.length) break;
    const toOriginal = new Map<number, number>();
    for (const l of diffLines(original, text)) if (l.kind === 'equal') toOriginal.set(l.newLine, l.oldLine);
    for (const e of edits) {
      for (let n = e.range.start.line; n <= e.range.end.line; n++) {
        const o = toOriginal.get(n);
        if (o !== undefined) touched.add(o);
      }
    }
    const next = applyEdits(parseModel(text, uri, -1), edits);
    if (next === text) break;
    text = next;
  }
  return { text, touched };
}

describe('jobfamily-lint --fix on the corpus', function () {
  this.timeout(600_000);

  it('applies safe fixes only: no safe fix left, no placeholder inserted, no line changed outside the fixes', async () => {
    const cliDir = checkout();
    const replayDir = checkout();
    const files = filesUnder(path.join(cliDir, 'content', 'job-families'));
    assert.equal(files.length, 112);
    const originals = new Map(files.map((f) => [f, readFileSync(f)]));

    const before = lintJson(['content/job-families'], cliDir);
    const fixRun = lint(['--fix', '--format', 'json', 'content/job-families'], cliDir);
    assert.equal(fixRun.code, 1, fixRun.err);
    const after = JSON.parse(fixRun.out) as { severity: string }[];

    const replay = await service(replayDir);
    const check = await service(cliDir);
    let changedFiles = 0;
    let changedLines = 0;
    let skipped = 0;
    const problems: string[] = [];
    for (const file of files) {
      const rel = path.relative(cliDir, file);
      const bytes = originals.get(file)!;
      const fixedBytes = readFileSync(file);
      const original = decodePage(bytes);
      assert.ok(!original.invalidUtf8, rel);
      const replayFile = path.join(replayDir, rel);
      const uri = toUri(replayFile);
      if (await unfixable(replay, uri, original.text)) {
        skipped++;
        if (!fixedBytes.equals(bytes)) problems.push(`${rel}: cannot be parsed, yet it was changed`);
        continue;
      }
      const { text: expected, touched } = await replayFixes(replay, uri, original.text);
      writeFileSync(replayFile, expected);
      await replay.filesChanged([{ uri, type: 'changed' }], NEVER_CANCELLED);

      const fixed = fixedBytes.toString('utf8');
      if (fixed !== expected) problems.push(`${rel}: the CLI's fix differs from the service's fix passes`);
      if (!fixedBytes.equals(bytes)) changedFiles++;

      const placeholders = (s: string) => s.match(PLACEHOLDER)?.length ?? 0;
      if (placeholders(fixed) > placeholders(original.text)) problems.push(`${rel}: a placeholder was inserted`);

      // Untouched lines stay byte for byte; a deleted line must be one a fix edited. Among equal
      // neighbouring lines (two blank lines, one removed) the diff may pick either, so an equal neighbour counts.
      const lines = diffLines(original.text, fixed);
      const old = lines.filter((l) => l.kind !== 'insert').map((l) => l.text);
      for (const l of lines) {
        if (l.kind !== 'delete') continue;
        changedLines++;
        const i = l.oldLine;
        const ok = touched.has(i) || [i - 2, i - 1, i + 1, i + 2].some((j) => touched.has(j) && old[j] === old[i]);
        if (!ok) problems.push(`${rel}:${i + 1}: changed, but no fix edits that line: ${JSON.stringify(l.text)}`);
      }

      const left = await lintText(check, toUri(file), fixed);
      const safe = left.filter((f) => f.fix?.kind === 'safe');
      if (safe.length) problems.push(`${rel}: safe fixes left: ${safe.map((f) => `${f.rule.meta.id}@${f.range.start.line + 1}`).join(', ')}`);
    }
    assert.deepEqual(problems, []);
    const errors = (fs: readonly { severity: string }[]) => fs.filter((f) => f.severity === 'error').length;
    assert.ok(changedFiles > 50, `${changedFiles}`);
    assert.ok(errors(after) < errors(before.findings), `${errors(before.findings)} → ${errors(after)}`);
    // The CLI says which pages it left alone, when there are any.
    if (skipped) assert.match(fixRun.out + fixRun.err, /left unchanged/);
    process.stdout.write(`      corpus --fix: ${changedFiles} of ${files.length} files changed (${changedLines} lines), ${skipped} left unchanged (front matter cannot be parsed); errors ${errors(before.findings)} → ${errors(after)}, problems ${before.findings.length} → ${after.length}; placeholders inserted: 0\n`);
  });
});
