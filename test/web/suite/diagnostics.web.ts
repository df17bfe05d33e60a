import * as assert from './assert';
import * as vscode from 'vscode';
import { activate, codeOf, eventually, EXTENSION_ID, open, ours, page, revertAll, root, waitForDiagnostics } from './helpers';

describe('Job Family Authoring as a web extension', () => {
  before(activate);
  afterEach(revertAll);

  it('runs in the web worker extension host, on a virtual folder', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(ext.isActive, true);
    assert.equal((ext.packageJSON as { browser?: string }).browser, './dist/browser/client.js');
    // No Node here: the browser entry is what runs.
    assert.equal(typeof (globalThis as { process?: unknown }).process, 'undefined', 'the extension host has no Node process object');
    assert.notEqual(root().scheme, 'file', `the folder is virtual: ${root().toString()}`);
  });

  it('reports a page\'s problems at their exact positions', async () => {
    const uri = page('content/job-families/sales/account-manager.md');
    await open(uri);
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF019'), 'JF019 on grade 13');
    const grade = ds.find((d) => codeOf(d) === 'JF019')!;
    assert.equal(grade.severity, vscode.DiagnosticSeverity.Error);
    assert.deepEqual([grade.range.start.line, grade.range.start.character], [54, 38]);
    assert.match(grade.message, /Grade 13 does not exist/);
    for (const code of ['JF006', 'JF013', 'JF014', 'JF028']) assert.ok(ds.some((d) => codeOf(d) === code), `${code} in ${ds.map(codeOf).join(', ')}`);
  });

  it('links each code to its rule page inside the extension, which opens rendered', async () => {
    const uri = page('content/job-families/sales/account-manager.md');
    await open(uri);
    const [d] = (await waitForDiagnostics(uri, (all) => all.some((x) => codeOf(x) === 'JF019'), 'JF019')).filter((x) => codeOf(x) === 'JF019');
    assert.ok(d && typeof d.code === 'object', 'the code carries a link');
    const href = d.code.target;
    assert.equal(href.scheme, 'command', href.toString());
    assert.equal(href.path, 'jobFamily.showRule');
    assert.deepEqual(JSON.parse(decodeURIComponent(href.query)), ['JF019']);
    const rulePage = await vscode.commands.executeCommand<vscode.Uri>('jobFamily.showRule', 'JF019');
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    assert.equal(rulePage.toString(), vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'JF019.md').toString());
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(rulePage));
    assert.match(text, /JF019/, 'the rule page is there');
    await eventually(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs),
      (tabs) => tabs.some((t) => t.input instanceof vscode.TabInputWebview && /JF019/.test(t.label)),
      'the rule page in the Markdown preview',
    );
  });

  it('fixes a problem with its quick fix', async () => {
    const uri = page('content/job-families/sales/account-manager.md');
    await open(uri);
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF006'), 'JF006 on the layout key');
    const layout = ds.find((d) => codeOf(d) === 'JF006')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, layout.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.edit && /layout/i.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitForDiagnostics(uri, (all) => !all.some((d) => codeOf(d) === 'JF006'), 'JF006 gone after the fix');
    assert.doesNotMatch(vscode.workspace.textDocuments.find((t) => t.uri.toString() === uri.toString())!.getText(), /^layout:/m);
  });

  it('finds broken handbook links and anchors by reading the handbook through the editor\'s file system', async () => {
    const uri = page('content/job-families/sales/account-manager.md');
    await open(uri);
    const ds = await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF038') && all.some((d) => codeOf(d) === 'JF037'), 'JF038 and JF037');
    const link = ds.find((d) => codeOf(d) === 'JF038')!;
    // The suggestion needs the index: values.md is a page only the file system knows about.
    assert.match(link.message, /`\/handbook\/value\/` is not a page of the site: did you mean `\/handbook\/values\/`\?/);
    const anchor = ds.find((d) => codeOf(d) === 'JF037')!;
    assert.match(anchor.message, /no `#screening` on `\/handbook\/hiring\/interviewing\/`/);
    // Links to pages that exist are not reported.
    assert.equal(ds.filter((d) => codeOf(d) === 'JF038').length, 1);
  });

  it('clears a broken link when the page it names is created through the editor\'s file system', async () => {
    const uri = page('content/job-families/sales/account-manager.md');
    await open(uri);
    await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF038'), 'JF038 on /handbook/value/');
    const created = page('content/handbook/value.md');
    await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('---\ntitle: "Value"\n---\n\n## Collaboration\n'));
    try {
      await waitForDiagnostics(uri, (all) => !all.some((d) => codeOf(d) === 'JF038'), 'JF038 to go once the page exists');
    } finally {
      await vscode.workspace.fs.delete(created);
    }
    await waitForDiagnostics(uri, (all) => all.some((d) => codeOf(d) === 'JF038'), 'JF038 back once the page is deleted');
  });

  it('gives every example page the problems the command-line linter finds on disk', async () => {
    // Written by the runner from jobfamily-lint on the same folder, on disk.
    const expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(page('.jfa-expected.json')))) as Record<string, string[]>;
    // Pages with link problems first: once they show, the index is complete for the clean ones.
    const files = Object.keys(expected).sort((a, b) => expected[b]!.length - expected[a]!.length || a.localeCompare(b));
    assert.ok(files.length >= 8 && expected[files[0]!]!.length > 0, `pages: ${files.join(', ')}`);
    const key = (ds: vscode.Diagnostic[]): string => ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).sort().join(' ');
    for (const file of files) {
      const uri = page(file);
      await open(uri);
      const want = [...expected[file]!].sort().join(' ');
      await waitForDiagnostics(uri, (ds) => key(ds) === want, `${file}: ${want}`);
    }
  });

  it('leaves Markdown that is not a job family alone', async () => {
    const plain = page('content/handbook/hiring/_index.md');
    const family = page('content/job-families/sales/account-manager.md');
    await open(plain);
    await open(family);
    await waitForDiagnostics(family, (ds) => ds.some((d) => codeOf(d) === 'JF019'), 'diagnostics on the job-family page');
    assert.deepEqual(ours(plain), []);
  });
});
