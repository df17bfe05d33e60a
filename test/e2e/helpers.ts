import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'handbook-tools.job-family-authoring';
export const HANDBOOK = process.env.JFA_HANDBOOK ?? path.resolve(__dirname, '..', '..', '..', 'examples', 'handbook');
export const SOURCE = 'jobfamily';

export function page(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(HANDBOOK, relative));
}

export async function activate(): Promise<void> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
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

/** Resolves when `check` holds for the document's diagnostics, re-checking on every change. */
export function waitForDiagnostics(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = 30_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const test = (): boolean => {
      const ds = ours(uri);
      if (!check(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) test();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(ours(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`))}`));
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
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 500)}`);
}

/** Asks the test driver (outside VS Code) for something only the browser can do. */
export function driver(pathAndQuery: string): Promise<string> {
  const base = process.env.JFA_DRIVER_URL;
  if (!base) return Promise.reject(new Error('JFA_DRIVER_URL is not set: run the editor tests through the launcher'));
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${pathAndQuery}`, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`driver ${pathAndQuery}: ${res.statusCode} ${body}`))));
      })
      .on('error', reject);
  });
}

/**
 * Undoes every unsaved change (open in an editor or not), so no test sees another's edits:
 * each dirty document gets its text on disk back and is saved, which leaves it clean
 * whatever editor has focus.
 */
export async function revertAll(): Promise<void> {
  await vscode.commands.executeCommand('leaveSnippet');
  await vscode.commands.executeCommand('hideSuggestWidget');
  for (const doc of vscode.workspace.textDocuments) {
    if (!doc.isDirty || doc.uri.scheme !== 'file') continue;
    let disk: string;
    try {
      disk = Buffer.from(await vscode.workspace.fs.readFile(doc.uri)).toString('utf8');
    } catch {
      continue; // created by the test and already deleted
    }
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), disk);
    await vscode.workspace.applyEdit(edit);
    await doc.save();
    assert.equal(doc.getText(), disk, `${doc.uri.fsPath} is back to its saved text`);
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
