import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activate, codeOf, open, page, revertAll, waitForDiagnostics } from './helpers';

describe('Handbook links in VS Code', () => {
  before(activate);
  afterEach(revertAll);

  it('reports a broken handbook link, and clears it when the page is created', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const text = editor.document.getText();
    const at = text.indexOf('(/handbook/values/)') + 1;
    const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + '/handbook/values/'.length));
    await editor.edit((e) => e.replace(range, '/handbook/value-system/'));
    const [broken] = (await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'JF038'), 'JF038 on the broken link')).filter((d) => codeOf(d) === 'JF038');
    assert.equal(broken!.range.start.line, range.start.line);
    assert.match(broken!.message, /`\/handbook\/value-system\/` is not a page of the site/);

    const created = page('content/handbook/value-system.md');
    await vscode.workspace.fs.writeFile(created, Buffer.from('---\ntitle: "Value System"\n---\n\n## Collaboration\n'));
    try {
      await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'JF038'), 'JF038 to go once the page exists');
    } finally {
      await vscode.workspace.fs.delete(created);
    }
  });

  it('reports an anchor that is not on the target page, with the closest one as a fix', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const text = editor.document.getText();
    const at = text.indexOf('#screening-call');
    await editor.edit((e) => e.replace(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + '#screening-call'.length)), '#screening-cal'));
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF037'), 'JF037 on the anchor');
    const d = ds.find((x) => codeOf(x) === 'JF037')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range);
    const fix = actions.find((a) => a.title.includes('#screening-call'));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    await vscode.workspace.applyEdit(fix.edit);
    await waitForDiagnostics(uri, (all) => !all.some((x) => codeOf(x) === 'JF037'), 'the anchor fixed');
  });
});
