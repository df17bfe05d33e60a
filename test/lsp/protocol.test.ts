import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { copyOfExamples, LspClient, PULL_CLIENT, PUSH_CLIENT, uriOf } from '../support/lspClient';

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));

describe('language server over stdio', function () {
  this.timeout(30_000);

  describe('a client with pull diagnostics', () => {
    let client: LspClient;
    let folder: string;
    before(async () => {
      folder = copyOfExamples();
      client = new LspClient();
      const init = (await client.initialize(folder, PULL_CLIENT)) as { capabilities: Record<string, unknown> };
      assert.ok(init.capabilities.diagnosticProvider, 'announces pull diagnostics');
      assert.equal((init.capabilities.textDocumentSync as { change: number }).change, 2, 'incremental sync');
    });
    after(() => client.stop());

    it('answers a diagnostic request with codes, sources and docs links', async () => {
      const file = path.join(folder, 'content/job-families/sales/account-manager.md');
      await client.open(uriOf(file), readFileSync(file, 'utf8'));
      const report = await client.pull(uriOf(file));
      assert.equal(report.kind, 'full');
      assert.ok(codes(report.items).includes('JF019'));
      const d = report.items.find((x) => x.code === 'JF006')!;
      assert.equal(d.source, 'jobfamily');
      assert.deepEqual(d.range.start, { line: 2, character: 0 });
      const docs = fileURLToPath(d.codeDescription!.href);
      assert.ok(existsSync(docs), `${docs} exists`);
    });

    it('offers a quick fix that changes only what it targets, and a fix-all', async () => {
      const file = path.join(folder, 'content/job-families/sales/account-manager.md');
      const uri = uriOf(file);
      const diags = (await client.pull(uri)).items;
      const layout = diags.find((x) => x.code === 'JF006')!;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: layout.range, context: { diagnostics: [layout] } });
      const fix = actions.find((a) => a.kind === 'quickfix' && a.title.includes('JF006'))!;
      assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
      assert.deepEqual(fix.edit!.changes![uri], [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, newText: '' }]);
      const all = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: layout.range, context: { diagnostics: [], only: ['source.fixAll.jobFamily'] } });
      assert.equal(all.length, 1);
      assert.ok(all[0]!.edit!.changes![uri]!.length >= 5);
    });

    it('returns nothing for Markdown that is not a job family', async () => {
      const file = path.join(folder, 'content/handbook/hiring/_index.md');
      await client.open(uriOf(file), readFileSync(file, 'utf8'));
      assert.deepEqual((await client.pull(uriOf(file))).items, []);
    });

    it('keeps answering after binary, huge, CRLF and broken input', async () => {
      const base = path.join(folder, 'content/job-families/odd');
      const inputs: [string, string][] = [
        ['binary.md', '\u0000\u0001\u0002PNG'],
        ['huge.md', '- x\n'.repeat(600_000)],
        ['crlf.md', '---\r\ntitle: "T"\r\nlayout: x\r\n---\r\n\r\n## Levels\r\n'],
        ['broken.md', '---\ntitle: [unclosed\n---\n[a](b'],
      ];
      for (const [name, text] of inputs) {
        const uri = uriOf(path.join(base, name));
        await client.open(uri, text);
        const report = await client.pull(uri);
        assert.ok(Array.isArray(report.items), name);
      }
      const crlf = await client.pull(uriOf(path.join(base, 'crlf.md')));
      assert.deepEqual(crlf.items.find((d) => d.code === 'JF006')?.range.start, { line: 2, character: 0 });
      assert.deepEqual(codes((await client.pull(uriOf(path.join(base, 'binary.md')))).items), ['JF010']);
    });

    it('completes, hovers and outlines over the protocol', async () => {
      const file = path.join(folder, 'content/job-families/engineering/backend-engineer.md');
      const uri = uriOf(file);
      const text = readFileSync(file, 'utf8');
      await client.open(uri, text);
      const lines = text.split('\n');
      const gradeLine = lines.findIndex((l) => l.startsWith('The Senior Backend Engineer is a'));
      const list = await client.connection.sendRequest<{ items: { label: string; sortText?: string }[] }>('textDocument/completion', {
        textDocument: { uri },
        position: { line: gradeLine, character: 'The Senior Backend Engineer is a '.length },
      });
      assert.equal([...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0]!.label, 'grade 7');
      const hover = await client.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
        textDocument: { uri },
        position: { line: gradeLine, character: lines[gradeLine]!.indexOf('[grade 7]') + 2 },
      });
      assert.match(hover.contents.value, /Grade 7/);
      const symbols = await client.connection.sendRequest<{ name: string; children?: { name: string; detail?: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(symbols.find((s) => s.name === 'Levels')!.children!.map((c) => c.detail), ['grade 5', 'grade 6', 'grade 7', 'grade 8']);
      const folds = await client.connection.sendRequest<{ startLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
      assert.ok(folds.some((f) => f.startLine === 0), 'the front matter folds');
      const placeholders = await client.connection.sendRequest<unknown[]>('jobFamily/placeholders', { textDocument: { uri } });
      assert.deepEqual(placeholders, []);
    });

    it('answers for a document it was never sent', async () => {
      assert.deepEqual((await client.pull('file:///nowhere/job-families/x.md')).items, []);
    });
  });

  describe('a client without pull diagnostics', () => {
    let client: LspClient;
    let folder: string;
    before(async () => {
      folder = copyOfExamples();
      writeFileSync(path.join(folder, '.jobfamily.yml'), 'rules:\n  grade-exits: off\n');
      client = new LspClient();
      const init = (await client.initialize(folder, PUSH_CLIENT)) as { capabilities: Record<string, unknown> };
      assert.equal(init.capabilities.diagnosticProvider, undefined);
    });
    after(() => client.stop());

    it('pushes diagnostics, and pushes again after an incremental edit fixes them', async () => {
      const file = path.join(folder, 'content/job-families/sales/account-manager.md');
      const uri = uriOf(file);
      await client.open(uri, readFileSync(file, 'utf8'));
      await client.waitForPush(uri, (ds) => codes(ds).includes('JF006'));
      await client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } }, text: '' }],
      });
      const after = await client.waitForPush(uri, (ds) => !codes(ds).includes('JF006'));
      assert.ok(codes(after).includes('JF004'), 'the other problems stay, on their shifted lines');
      assert.equal(after.find((d) => d.code === 'JF004')!.range.start.line, 2);
    });

    it('reports a bad .jobfamily.yml on the file itself', async () => {
      const uri = uriOf(path.join(folder, '.jobfamily.yml'));
      const ds = await client.waitForPush(uri, (d) => d.length > 0);
      assert.match(typeof ds[0]!.message === 'string' ? ds[0]!.message : ds[0]!.message.value, /Unknown rule `grade-exits`: did you mean `grade-exists`/);
      assert.equal(ds[0]!.range.start.line, 1);
    });

    it('refreshes when a linked page appears on disk', async () => {
      const file = path.join(folder, 'content/job-families/sales/account-manager.md');
      const uri = uriOf(file);
      await client.waitForPush(uri, (ds) => ds.some((d) => d.code === 'JF038'));
      const created = path.join(folder, 'content/handbook/value.md');
      writeFileSync(created, '---\ntitle: "Value"\n---\n\n## Collaboration\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(created), type: 1 }] });
      await client.waitForPush(uri, (ds) => !ds.some((d) => d.code === 'JF038'));
    });
  });
});
