import * as assert from './assert';
import * as vscode from 'vscode';
import { activate, codeOf, complete, eventually, labelOf, open, page, revertAll, root, typeAfter, waitForDiagnostics } from './helpers';
import { levelGradeHints } from '../../support/levelGradeHints';

const hoverText = (hovers: vscode.Hover[]): string => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');

describe('Writing assistance in VS Code for the web', () => {
  before(activate);
  afterEach(revertAll);

  it('completes grades in a Job Grade section, the level\'s own grade first, as a link', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const pos = await typeAfter(editor, 'The Senior Backend Engineer is a [grade 7]', 'Also a grade ');
    const items = await complete(uri, pos);
    const first = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''))[0]!;
    assert.equal(labelOf(first), 'grade 7');
    assert.equal(first.textEdit?.newText, '[grade 7](/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades)');
  });

  it('completes handbook paths and anchors from the pages read through the editor\'s file system', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const paths = await complete(uri, await typeAfter(editor, '## Career Ladder', 'See [hiring](/handbook/hi'));
    const interviewing = paths.find((i) => labelOf(i) === 'Interviewing');
    assert.ok(interviewing, paths.map(labelOf).join(', '));
    assert.equal((interviewing.textEdit as vscode.TextEdit).newText, '/handbook/hiring/interviewing/');
    const anchors = await complete(uri, await typeAfter(editor, '## Career Ladder', 'See [a call](/handbook/hiring/interviewing/#'));
    assert.ok(anchors.map(labelOf).includes('#screening-call'), anchors.map(labelOf).join(', '));
  });

  it('offers the level snippets in job-family files only', async () => {
    const family = page('content/job-families/engineering/backend-engineer.md');
    const labels = (await complete(family, await typeAfter(await open(family), 'Additional details about our process', 'jf'))).map(labelOf);
    for (const l of ['jf-level', 'jf-role', 'jf-specialty', 'jf-segment']) assert.ok(labels.includes(l), `${l} in ${labels.join(', ')}`);
    const plain = page('content/handbook/values.md');
    const plainLabels = (await complete(plain, await typeAfter(await open(plain), '## Results', 'jf'))).map(labelOf);
    assert.ok(!plainLabels.some((l) => l.startsWith('jf-')), plainLabels.join(', '));
  });

  it('hovers a grade with its row of the grade table, and a link with its page', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    const text = editor.document.getText();
    const grade = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(text.indexOf('[grade 7]') + 3));
    assert.match(hoverText(grade), /Grade 7\*\*, Job Grades\s+Individual contributor: Senior/);
    const link = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, editor.document.positionAt(text.indexOf('(/handbook/hiring/interviewing/#screening-call)') + 5));
    assert.match(hoverText(link), /Interviewing[\s\S]*Screening call/);
  });

  it('shows each level\'s grade at its heading, and links paths to the pages in the virtual folder', async () => {
    const uri = page('content/job-families/engineering/backend-engineer.md');
    const editor = await open(uri);
    assert.deepEqual(await levelGradeHints(editor, eventually), ['Associate Backend Engineer: grade 5', 'Backend Engineer (Intermediate): grade 6', 'Senior Backend Engineer: grade 7', 'Manager, Backend Engineering: grade 8']);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
    const target = links.map((l) => l.target).find((t) => t?.path.endsWith('/content/handbook/hiring/interviewing.md'));
    assert.ok(target, JSON.stringify(links.map((l) => l.target?.toString())));
    assert.equal(target.scheme, root().scheme, 'the link opens the page in the virtual folder');
  });

  it('Next Placeholder walks the {add …} placeholders', async () => {
    const editor = await open(page('content/job-families/marketing/content-strategist.md'));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.equal(await vscode.commands.executeCommand('jobFamily.nextPlaceholder'), true);
    assert.match(editor.document.getText(editor.selection), /^\{add overview/);
  });

  it('Add Level inserts the next level after the current one, with the next grade', async () => {
    const editor = await open(page('content/job-families/engineering/backend-engineer.md'));
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('### Senior Backend Engineer'));
    editor.selection = new vscode.Selection(line + 2, 0, line + 2, 0);
    assert.equal(await vscode.commands.executeCommand('jobFamily.addLevel', { name: 'Staff Backend Engineer' }), true);
    await vscode.commands.executeCommand('leaveSnippet');
    const text = editor.document.getText();
    assert.ok(text.indexOf('### Staff Backend Engineer') > text.indexOf('### Senior Backend Engineer'), 'after the Senior level');
    assert.ok(text.indexOf('### Staff Backend Engineer') < text.indexOf('### Manager, Backend Engineering'), 'before the Manager level');
    assert.match(text, /The Staff Backend Engineer is a \[grade 8\]/);
  });

  it('New Job Family creates the page through the editor\'s file system, and it is checked', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('jobFamily.newJobFamily', { department: 'Legal', title: 'Contracts Counsel', template: 1 });
    try {
      assert.equal(uri.toString(), page('content/job-families/legal/contracts-counsel.md').toString());
      const stat = await vscode.workspace.fs.stat(uri);
      assert.equal(stat.type, vscode.FileType.File);
      const editor = vscode.window.activeTextEditor!;
      await vscode.commands.executeCommand('leaveSnippet');
      assert.match(editor.document.getText(), /^---\ntitle: "Contracts Counsel"\n/);
      await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'JF024'), 'the template placeholders reported on the new page');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(uri, '..'), { recursive: true });
    }
  });

  it('Restart Server starts a new worker that checks pages again', async () => {
    const uri = page('content/job-families/sales/account-manager.md');
    await open(uri);
    await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'JF019'), 'JF019 before the restart');
    const api = await activate();
    const before = api.client();
    await vscode.commands.executeCommand('jobFamily.restartServer');
    const after = api.client();
    assert.ok(after && after !== before && after.isRunning(), 'a new client with a new server is running');
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF038'), 'the link checks after the restart, from a fresh index');
    assert.ok(ds.some((d) => codeOf(d) === 'JF019'));
  });
});
