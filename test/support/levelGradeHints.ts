import * as vscode from 'vscode';

type Eventually = <T>(fn: () => Thenable<T> | T, ok: (v: T) => boolean, what: string) => Promise<T>;

/** The page's inlay hints as "<heading text>: <hint>", once at least `min` have arrived (the desktop and web suites share it). */
export async function levelGradeHints(editor: vscode.TextEditor, eventually: Eventually, min = 4): Promise<string[]> {
  const uri = editor.document.uri;
  const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
  const hints = await eventually(() => vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, whole), (h) => h?.length >= min, 'inlay hints at the level headings');
  const label = (h: vscode.InlayHint): string => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
  return hints.map((h) => `${editor.document.lineAt(h.position.line).text.replace(/^#+\s*/, '')}: ${label(h)}`);
}
