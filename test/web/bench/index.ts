import * as vscode from 'vscode';

// Measures the web extension on a whole handbook checkout in VS Code for the web (run by
// test/web/bigHandbook.mjs): how soon an open page is checked, how long until its link
// checks arrive (the index read through the editor's file system is complete), whether
// they match the linter on disk, and how long the extension host's event loop stalled.
const say = (line: string): void => console.log(`JFA| ${line}`);
const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

function waitFor(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, ms: number): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'jobfamily');
    const test = (): void => {
      if (!check(ours())) return;
      sub.dispose();
      clearTimeout(timer);
      resolve(ours());
    };
    const sub = vscode.languages.onDidChangeDiagnostics(test);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out; now ${ours().map(codeOf).join(' ')}`));
    }, ms);
    test();
  });
}

export async function run(): Promise<void> {
  const start = performance.now();
  let maxLag = 0;
  let last = performance.now();
  const lag = setInterval(() => {
    const now = performance.now();
    maxLag = Math.max(maxLag, now - last - 50);
    last = now;
  }, 50);
  const root = vscode.workspace.workspaceFolders![0]!.uri;
  const expected = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, '.jfa-expected.json')))) as Record<string, string[]>;
  const [file, want] = Object.entries(expected)[0]!;
  await vscode.extensions.getExtension('handbook-tools.job-family-authoring')!.activate();
  const uri = vscode.Uri.joinPath(root, ...file.split('/'));
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const ms = (): number => Math.round(performance.now() - start);
  say(`EPOCH opened ${Date.now()}`);
  const first = await waitFor(uri, (ds) => ds.length > 0, 120_000);
  say(`first problems after ${ms()} ms: ${first.length}, link problems among them: ${first.filter((d) => codeOf(d) === 'JF038').length}`);
  // Typing while the index is still being read: the page's own checks must keep up.
  const editor = vscode.window.activeTextEditor!;
  const typed = performance.now();
  await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nTBD\n'));
  await waitFor(uri, (ds) => ds.some((d) => codeOf(d) === 'JF025'), 60_000);
  say(`while indexing, an edit's problem reported ${Math.round(performance.now() - typed)} ms after typing it (at ${ms()} ms)`);
  await editor.edit((e) => e.delete(new vscode.Range(editor.document.lineCount - 3, editor.document.lineAt(editor.document.lineCount - 3).text.length, editor.document.lineCount - 1, 0)));
  const key = (ds: vscode.Diagnostic[]): string => ds.map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`).sort().join(' ');
  const target = [...want].sort().join(' ');
  let same = true;
  const links = await waitFor(uri, (ds) => key(ds) === target, 600_000).catch((e: Error) => {
    same = false;
    say(`never matched the linter: ${e.message}`);
    return [];
  });
  say(`EPOCH indexed ${Date.now()}`);
  say(`link checks after ${ms()} ms: ${links.filter((d) => codeOf(d) === 'JF038').length} broken links; same as the linter on disk: ${same}`);
  // Typing once the index is there: how long until the page's problems follow an edit.
  const t = performance.now();
  await editor.edit((e) => e.insert(new vscode.Position(editor.document.lineCount, 0), '\nSee [nowhere](/handbook/no-such-page/).\n'));
  await waitFor(uri, (ds) => ds.filter((d) => codeOf(d) === 'JF038').length > links.filter((d) => codeOf(d) === 'JF038').length, 60_000);
  say(`a new broken link reported ${Math.round(performance.now() - t)} ms after typing it`);
  clearInterval(lag);
  say(`extension host: longest event-loop stall ${Math.round(maxLag)} ms`);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
