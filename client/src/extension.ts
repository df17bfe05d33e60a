import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerCommands } from './commands';

const CLIENT_ID = 'jobFamily';
const DEFAULT_FILES = ['**/job-families/**/*.md'];

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** Markdown files that match `jobFamily.files`; nothing else reaches the server. */
export function documentSelector(globs: readonly string[]): DocumentSelector {
  const selector: { language: string; pattern: string | vscode.RelativePattern }[] = [];
  for (const glob of globs.length ? globs : DEFAULT_FILES) {
    if (glob.startsWith('**/') || path.isAbsolute(glob)) selector.push({ language: 'markdown', pattern: glob });
    else for (const folder of vscode.workspace.workspaceFolders ?? []) selector.push({ language: 'markdown', pattern: new vscode.RelativePattern(folder, glob) });
  }
  return selector as DocumentSelector;
}

function filesSetting(): string[] {
  const files = vscode.workspace.getConfiguration('jobFamily').get<unknown>('files');
  return Array.isArray(files) && files.every((f) => typeof f === 'string') ? files : DEFAULT_FILES;
}

async function start(context: vscode.ExtensionContext): Promise<LanguageClient> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  output ??= vscode.window.createOutputChannel('Job Family Authoring', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(filesSetting()),
    outputChannel: output,
    synchronize: {
      configurationSection: 'jobFamily',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,.jobfamily.yml}'),
    },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      settings: vscode.workspace.getConfiguration('jobFamily'),
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
  };
  const c = new LanguageClient(CLIENT_ID, 'Job Family Authoring', serverOptions, clientOptions);
  await c.start();
  return c;
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.stop().catch(() => undefined);
  client = await start(context);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  client = await start(context);
  context.subscriptions.push(
    vscode.commands.registerCommand('jobFamily.restartServer', () => restart(context)),
    vscode.commands.registerCommand('jobFamily.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The selector is fixed when the client starts: a new `files` needs a new client.
      if (e.affectsConfiguration('jobFamily.files')) void restart(context);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context)),
    { dispose: () => void client?.stop() },
  );
  registerCommands(context, () => client);
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
