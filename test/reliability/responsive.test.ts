import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { createLanguageService, NEVER_CANCELLED } from '../../server/src/service';
import { Documents } from '../../server/src/service/documents';
import { recordFigure } from '../support/figures';
import { megabyteCount, SHAPES } from '../support/hostile';
import { copyOfExamples, LspClient, PULL_CLIENT, PUSH_CLIENT, uriOf } from '../support/lspClient';
import { cancelledPull, change, close, completion, hover, pull, recordPushes, Settled } from '../support/lspRequests';

const CANCELLED = `error:${LSPErrorCodes.RequestCancelled}`;
const LEVELS = SHAPES.find((s) => s.name.startsWith('level headings'))!;
/** About 1 MB of level headings: the model and every level rule have real work to do. */
const hostileText = (variant: number): string => `${LEVELS.page(megabyteCount(LEVELS) - 10)}${'x'.repeat(variant)}\n`;

describe('the server stays responsive', function () {
  this.timeout(180_000);

  describe('a pull client', () => {
    let client: LspClient;
    let folder: string;
    let normal: string;
    let hostile: string;
    let gradeAt: { line: number; character: number };
    let isA: { line: number; character: number };
    let version = 1;

    before(async () => {
      folder = copyOfExamples();
      client = new LspClient();
      await client.initialize(folder, PULL_CLIENT);
      const file = path.join(folder, 'content/job-families/engineering/backend-engineer.md');
      normal = uriOf(file);
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.startsWith('The Senior Backend Engineer is a'));
      gradeAt = { line, character: lines[line]!.indexOf('[grade 7]') + 2 };
      isA = { line, character: 'The Senior Backend Engineer is a '.length };
      await client.open(normal, text);
      assert.ok((await client.pull(normal)).items.length >= 0);
      hostile = uriOf(path.join(folder, 'content/job-families/engineering/hostile.md'));
      await client.open(hostile, hostileText(0), version);
    });
    after(() => client.stop());

    it('answers hovers and completions on a normal page while a 1 MB page validates, before its diagnostics', async () => {
      const settled = new Settled();
      let done = false;
      const big = settled.track('hostile pull', pull(client, hostile)).finally(() => (done = true));
      // Keep asking while the hostile page validates: each answer before its diagnostics counts.
      let answered = 0;
      const ask = async (): Promise<void> => {
        while (!done) {
          const [h, c] = await Promise.all([settled.track('hover', hover(client, normal, gradeAt)), settled.track('completion', completion(client, normal, isA))]);
          assert.ok(h && JSON.stringify(h.contents).includes('Grade 7'), 'the hover is the real one');
          assert.ok(c && c.items.some((i) => i.label === 'grade 7'), 'the completion is the real one');
          if (!done) answered++;
        }
      };
      const [report] = await Promise.all([big, ask()]);
      assert.ok(report && report.items.length > 0, 'the hostile page got its diagnostics');
      assert.ok(settled.index('hover') < settled.index('hostile pull'), settled.order.join(', '));
      assert.ok(settled.index('completion') < settled.index('hostile pull'), settled.order.join(', '));
      recordFigure('responsive', 'hover+completion pairs answered while the 1 MB page validated', answered);
      assert.ok(answered >= 1, `hover and completion answered ${answered} time(s) before the hostile page's diagnostics`);
    });

    it('a newer didChange stops the older validation: the older pull is answered as cancelled', async () => {
      const settled = new Settled();
      await change(client, hostile, ++version, hostileText(1));
      const older = settled.track('older', pull(client, hostile));
      await change(client, hostile, ++version, hostileText(2));
      const newer = settled.track('newer', pull(client, hostile));
      const [, report] = await Promise.all([older, newer]);
      assert.ok(report && report.items.length > 0, 'the newer pull has the diagnostics');
      assert.deepEqual(settled.order, [`older:${CANCELLED}`, 'newer']);
    });

    it('$/cancelRequest stops a validation: the pull is answered as cancelled, and the next pull is answered', async () => {
      const settled = new Settled();
      await change(client, hostile, ++version, hostileText(3));
      await settled.track('cancelled', cancelledPull(client, hostile));
      const report = await settled.track('next', pull(client, hostile));
      assert.ok(report && report.items.length > 0);
      assert.deepEqual(settled.order, [`cancelled:${CANCELLED}`, 'next']);
    });

    it('still answers on the normal page after all that', async () => {
      const h = await hover(client, normal, gradeAt);
      assert.ok(h && JSON.stringify(h.contents).includes('Grade 7'));
      await close(client, hostile);
    });
  });

  describe('a push client', () => {
    let client: LspClient;
    before(async () => {
      client = new LspClient();
      await client.initialize(copyOfExamples(), PUSH_CLIENT);
    });
    after(() => client.stop());

    it('never pushes an older version after a newer one', async () => {
      const uri = 'file:///nowhere/content/job-families/engineering/hostile.md';
      const pushes = recordPushes(client, uri);
      await client.open(uri, hostileText(0), 1);
      // The first validation is under way (the push delay is 200 ms) when the next versions arrive.
      await new Promise((r) => setTimeout(r, 400));
      await change(client, uri, 2, hostileText(1));
      await change(client, uri, 3, `${hostileText(2)}\n## Responsibilities\n`);
      const deadline = Date.now() + 120_000;
      while (!pushes.some((p) => p.version === 3) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const versions = pushes.map((p) => p.version ?? -1);
      recordFigure('responsive', 'pushed versions after v1, v2, v3', versions);
      assert.ok(versions.includes(3), `pushed versions: ${versions.join(', ')}`);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `pushed versions: ${versions.join(', ')}`);
    });
  });

  describe('a model that throws costs its document its findings, never the service', () => {
    /** A text the model cannot read: every string method it reaches for throws. */
    const poisoned = (): string => {
      const boom = (): never => {
        throw new Error('simulated model failure');
      };
      return { length: 10, slice: boom, split: boom, indexOf: boom, charCodeAt: boom, match: boom, toString: () => 'poison', [Symbol.toPrimitive]: () => 'poison' } as unknown as string;
    };

    it('Documents answers a failed model for it', () => {
      const docs = new Documents();
      docs.open({ uri: 'file:///a/job-families/x.md', version: 1, getText: poisoned }, true);
      const m = docs.model('file:///a/job-families/x.md')!;
      assert.equal(m.failed, true);
      assert.match(m.unreadable!, /simulated model failure/);
    });

    it('the service reports one info diagnostic for that page and checks the others as before', async () => {
      const ls = createLanguageService();
      const bad = 'file:///a/job-families/bad.md';
      const good = 'file:///a/job-families/good.md';
      ls.openDocument({ uri: bad, version: 1, getText: poisoned }, { jobFamily: true });
      ls.openDocument({ uri: good, version: 1, getText: () => '---\ntitle: "Good"\nlayout: job_family_page\n---\n\nText\n' }, { jobFamily: true });
      const ds = await ls.getDiagnostics(bad, NEVER_CANCELLED);
      assert.equal(ds.length, 1, JSON.stringify(ds));
      assert.equal(ds[0]!.code, 'JF010');
      assert.equal(ds[0]!.severity, 3, 'information');
      assert.match(typeof ds[0]!.message === 'string' ? ds[0]!.message : ds[0]!.message.value, /could not be analysed/);
      assert.equal(await ls.getHover(bad, { line: 0, character: 0 }, NEVER_CANCELLED), null);
      assert.deepEqual(await ls.getDocumentSymbols(bad, NEVER_CANCELLED), []);
      const others = await ls.getDiagnostics(good, NEVER_CANCELLED);
      assert.ok(others.some((d) => d.code === 'JF006'), 'the other page is still checked');
    });
  });
});
