import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activate, codeOf, eventually, open, page, revertAll, waitForDiagnostics } from './helpers';

describe('A real handbook page in VS Code', () => {
  before(activate);
  afterEach(revertAll);

  it('shows its real defect with a docs link and a working quick fix', async () => {
    const uri = page('content/job-families/sales/deal-desk.md');
    assert.ok(fs.existsSync(uri.fsPath), 'the corpus page deal-desk.md was copied in (JOBFAMILY_CORPUS)');
    const editor = await open(uri);
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF018'), 'JF018 on the copy-pasted heading');
    const d = ds.find((x) => codeOf(x) === 'JF018')!;
    assert.equal(d.range.start.line, 242, '"#### Senior Manager, Deal Desk Job Grade" under the Senior Director level');
    const target = typeof d.code === 'object' ? d.code.target : undefined;
    assert.equal(target?.scheme, 'command', `the rule code links to the rule page command: ${target?.toString()}`);
    assert.equal(target?.path, 'jobFamily.showRule');
    assert.deepEqual(JSON.parse(decodeURIComponent(target?.query ?? '')), ['JF018']);
    const rulePage = await vscode.commands.executeCommand<vscode.Uri>('jobFamily.showRule', 'JF018');
    assert.ok(fs.existsSync(rulePage.fsPath), `the rule page ${rulePage.toString()} ships with the extension`);
    // Rendered in the Markdown preview (a webview tab), not opened as an editable text file.
    await eventually(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs),
      (tabs) => tabs.some((t) => t.input instanceof vscode.TabInputWebview && /JF018/.test(t.label)),
      'the rule page in the Markdown preview',
    );
    assert.ok(!vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/JF018.md')), 'not as a text editor');
    await open(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.includes('JF018'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(editor.document.lineAt(242).text, '#### Senior Director, Deal Desk Job Grade');
    await waitForDiagnostics(uri, (all) => !all.some((x) => codeOf(x) === 'JF018'), 'JF018 gone after the fix');
  });
});
