import * as assert from './assert';
import * as vscode from 'vscode';

// Shared by the web-extension tests. They run in VS Code for the web's extension host (a
// Web Worker): no Node built-ins but `assert` (bundled), no file system but the editor's.

export const EXTENSION_ID = 'handbook-tools.job-family-authoring';
export const SOURCE = 'jobfamily';

export interface Api {
  client(): { sendRequest<R>(method: string, params: unknown): Promise<R>; isRunning(): boolean } | undefined;
}

/** The test's virtual folder: the example handbook, served by test-web's file system. */
export function root(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return folder.uri;
}

export function page(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), ...relative.split('/'));
}

export async function activate(): Promise<Api> {
  const ext = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const describeAll = (uri: vscode.Uri): string => JSON.stringify(ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`));

/** Resolves when `check` holds for the document's diagnostics, re-checking on every change. */
export function waitForDiagnostics(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const test = (): void => {
      const ds = ours(uri);
      if (!check(ds)) return;
      cleanup();
      resolve(ds);
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${describeAll(uri)}`));
    }, ms);
    const cleanup = (): void => {
      clearTimeout(timer);
      sub.dispose();
    };
    test();
  });
}

/** Polls an editor query until it returns something that passes, for APIs that have no event. */
export async function eventually<T>(fn: () => Thenable<T> | T, ok: (v: T) => boolean, what: string, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await fn();
    if (ok(last)) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
}

export const labelOf = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

export async function complete(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

/** Places the cursor at the end of `text`, typed on a new line after the line containing `anchor`. */
export async function typeAfter(editor: vscode.TextEditor, anchor: string, text: string): Promise<vscode.Position> {
  const line = editor.document.getText().split('\n').findIndex((l) => l.includes(anchor));
  assert.ok(line >= 0, `${anchor} is on the page`);
  const at = new vscode.Position(line + 1, 0);
  await editor.edit((e) => e.insert(at, `${text}\n`));
  return new vscode.Position(line + 1, text.length);
}

const decoder = new TextDecoder();

/** Undoes every unsaved change, so no test sees another's edits, and closes the editors. */
export async function revertAll(): Promise<void> {
  await vscode.commands.executeCommand('leaveSnippet');
  await vscode.commands.executeCommand('hideSuggestWidget');
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.uri.scheme !== root().scheme) continue;
    let saved: string;
    try {
      saved = decoder.decode(await vscode.workspace.fs.readFile(doc.uri));
    } catch {
      continue; // created by the test and already deleted
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), saved);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    assert.equal(doc.getText(), saved, `${doc.uri.path} is back to its saved text`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
