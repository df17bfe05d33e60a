import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, driver, eventually, open, ours, page, revertAll, waitForDiagnostics } from './helpers';

describe('Job-family diagnostics in VS Code', () => {
  before(activate);
  afterEach(revertAll);

  it('reports invalid front matter at the exact position and clears it when fixed', async () => {
    const uri = page('content/job-families/marketing/content-strategist.md');
    const editor = await open(uri);
    const [bad] = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'JF002'), 'JF002 on the broken title');
    const jf002 = ours(uri).find((d) => codeOf(d) === 'JF002')!;
    assert.equal(jf002.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(jf002.range.start.line, 1);
    assert.equal(jf002.range.start.character, 7, `JF002 should start at the colon inside the title, got ${JSON.stringify(jf002.range)} (${bad?.message})`);
    const href = typeof jf002.code === 'object' ? jf002.code.target.toString() : '';
    assert.equal(href, `command:jobFamily.showRule?${encodeURIComponent(JSON.stringify(['JF002']))}`, 'the code opens its rule page');

    const line = editor.document.lineAt(1);
    await editor.edit((e) => e.replace(line.range, 'title: "Content Strategist: Writing"'));
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'JF002'), 'JF002 to disappear after quoting the title');
  });

  it('reports a removed title and clears it when the title is back', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const titleLine = editor.document.lineAt(1);
    const title = titleLine.text;
    assert.match(title, /^title:/);
    await editor.edit((e) => e.delete(titleLine.rangeIncludingLineBreak));
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF003'), 'JF003 after deleting the title');
    const jf003 = ds.find((d) => codeOf(d) === 'JF003')!;
    assert.deepEqual([jf003.range.start.line, jf003.range.start.character, jf003.range.end.line], [0, 0, 0]);
    // Written back explicitly: the undo command acts on whatever has focus.
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), `${title}\n`));
    await waitForDiagnostics(uri, (all) => all.length === 0, 'no diagnostics once the title is back');
  });

  it('leaves Markdown that is not a job family alone', async () => {
    const plain = page('content/handbook/hiring/_index.md');
    const family = page('content/job-families/sales/account-manager.md');
    await open(plain);
    await open(family);
    // Once the job-family page has its diagnostics, the server has seen everything it was sent.
    await waitForDiagnostics(family, (ds) => ds.some((d) => codeOf(d) === 'JF019'), 'diagnostics on the job-family page');
    assert.deepEqual(ours(plain), [], 'a handbook page gets no job-family diagnostics');
    const plainDoc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === plain.toString());
    assert.equal(plainDoc?.languageId, 'markdown', 'the page stays Markdown');
  });

  it('shows the problems in the Problems panel', async () => {
    const uri = page('content/job-families/sales/account-manager.md');
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'JF019'), 'JF019 on grade 13');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const text = await eventually(() => driver('/text?selector=' + encodeURIComponent('.markers-panel')).catch(() => ''), (t) => t.includes('Grade 13 does not exist'), 'the Problems panel to list the grade problem');
    assert.match(text, /account-manager\.md/);
    await driver('/screenshot?name=problems-panel.png');
  });
});
