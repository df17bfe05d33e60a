import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { fillPlaceholder, SNIPPETS } from '../../../server/src/service/snippets';
import { SHOW_RULE, showRule } from './ruleLinks';

interface NewJobFamilyArgs {
  department?: string;
  title?: string;
  template?: 1 | 2;
}

interface LevelInsertion {
  position: { line: number; character: number };
  snippet: string;
  grade: number | undefined;
  suggestedName: string;
}

const kebab = (s: string): string =>
  s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * The authoring commands. Each takes its answers as arguments too (for keybindings and
 * tests) and asks only for what is missing.
 */
export function registerCommands(context: vscode.ExtensionContext, client: () => BaseLanguageClient | undefined): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('jobFamily.newJobFamily', (args?: NewJobFamilyArgs) => newJobFamily(args ?? {})),
    vscode.commands.registerCommand('jobFamily.addLevel', (args?: { name?: string }) => addLevel(client(), args ?? {})),
    vscode.commands.registerCommand('jobFamily.nextPlaceholder', () => nextPlaceholder(client())),
    vscode.commands.registerCommand(SHOW_RULE, (code?: unknown) => showRule(context.extensionUri, code)),
  );
}

async function jobFamiliesRoot(): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const candidate of [vscode.Uri.joinPath(folder.uri, 'content', 'job-families'), vscode.Uri.joinPath(folder.uri, 'job-families')]) {
      try {
        if ((await vscode.workspace.fs.stat(candidate)).type & vscode.FileType.Directory) return candidate;
      } catch {
        // not here
      }
    }
  }
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, 'content', 'job-families') : undefined;
}

async function newJobFamily(args: NewJobFamilyArgs): Promise<vscode.Uri | undefined> {
  const root = await jobFamiliesRoot();
  if (!root) {
    void vscode.window.showErrorMessage('Open the handbook checkout as a folder first: the new page goes under content/job-families/.');
    return undefined;
  }
  let department = args.department;
  if (!department) {
    let existing: string[] = [];
    try {
      existing = (await vscode.workspace.fs.readDirectory(root)).filter(([, t]) => t & vscode.FileType.Directory).map(([n]) => n).sort();
    } catch {
      // no job-families folder yet
    }
    const NEW = '$(add) New department…';
    const picked = await vscode.window.showQuickPick([...existing, NEW], { title: 'New Job Family (1/3)', placeHolder: 'Department' });
    if (!picked) return undefined;
    department = picked === NEW ? await vscode.window.showInputBox({ title: 'New Job Family', prompt: 'Department folder name', validateInput: (v) => (kebab(v) ? undefined : 'Give a name') }) : picked;
    if (!department) return undefined;
  }
  const title =
    args.title ??
    (await vscode.window.showInputBox({ title: 'New Job Family (2/3)', prompt: 'Job family title, e.g. "Backend Engineer"', validateInput: (v) => (v.trim() ? undefined : 'Give a title') }));
  if (!title) return undefined;
  let template = args.template;
  if (!template) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'Template 1', description: 'one or two job titles with levels, specialties or segments', value: 1 as const },
        { label: 'Template 2', description: 'three or more job titles in one family', value: 2 as const },
      ],
      { title: 'New Job Family (3/3)', placeHolder: 'Template' },
    );
    if (!picked) return undefined;
    template = picked.value;
  }
  const uri = vscode.Uri.joinPath(root, kebab(department), `${kebab(title)}.md`);
  try {
    await vscode.workspace.fs.stat(uri);
    void vscode.window.showErrorMessage(`${vscode.workspace.asRelativePath(uri)} already exists.`);
    return undefined;
  } catch {
    // free to create
  }
  await vscode.workspace.fs.writeFile(uri, new Uint8Array());
  const editor = await vscode.window.showTextDocument(uri);
  const snippet = SNIPPETS.find((s) => s.name === `Job family (template ${template})`)!;
  // Quoted, so a title with ": " stays valid YAML.
  await editor.insertSnippet(new vscode.SnippetString(fillPlaceholder(snippet.body, 1, JSON.stringify(title.trim())).join("\n")), new vscode.Position(0, 0));
  return uri;
}

async function addLevel(client: BaseLanguageClient | undefined, args: { name?: string }): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return false;
  const at = await client.sendRequest<LevelInsertion | null>('jobFamily/levelInsertion', {
    textDocument: { uri: editor.document.uri.toString() },
    // Plain data: a Worker's postMessage clones objects, and a Position keeps its fields private.
    position: client.code2ProtocolConverter.asPosition(editor.selection.active),
  });
  if (!at) {
    void vscode.window.showInformationMessage('This page has no levels to add to: add a "## Levels" section first.');
    return false;
  }
  const name = args.name ?? (await vscode.window.showInputBox({ title: 'Add Level', prompt: `Level title${at.grade !== undefined ? ` (grade ${at.grade})` : ''}`, value: at.suggestedName }));
  if (!name) return false;
  const body = fillPlaceholder(at.snippet.split(/\r?\n/), 1, name.trim()).join('\n');
  return editor.insertSnippet(new vscode.SnippetString(body), new vscode.Position(at.position.line, at.position.character));
}

async function nextPlaceholder(client: BaseLanguageClient | undefined): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !client) return false;
  const ranges = await client.sendRequest<{ start: { line: number; character: number }; end: { line: number; character: number } }[]>('jobFamily/placeholders', {
    textDocument: { uri: editor.document.uri.toString() },
  });
  if (!ranges.length) {
    void vscode.window.showInformationMessage('No template placeholder left on this page.');
    return false;
  }
  const cursor = editor.selection.end;
  const toRange = (r: (typeof ranges)[number]) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
  const next = ranges.map(toRange).find((r) => r.start.isAfterOrEqual(cursor) && !r.isEqual(editor.selection)) ?? toRange(ranges[0]!);
  editor.selection = new vscode.Selection(next.start, next.end);
  editor.revealRange(next, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}
