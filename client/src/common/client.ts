import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { registerCommands } from './commands';
import { ruleLinkMiddleware } from './ruleLinks';
import { serveWorkspace } from './workspaceServer';

const CLIENT_ID = 'jobFamily';
const CLIENT_NAME = 'Job Family Authoring';
const DEFAULT_FILES = ['**/job-families/**/*.md'];

/** What differs between the desktop and the browser; everything else is shared. */
export interface ClientRuntime {
  /** A client whose server starts the way this host can: a Node process, a Web Worker. */
  createClient(id: string, name: string, options: LanguageClientOptions, output: vscode.LogOutputChannel): BaseLanguageClient;
  /**
   * The server cannot read files itself: the client answers its `jobFamily/fs/*` requests
   * with `vscode.workspace.fs`. The Node server reads the disk and needs none of it.
   */
  readonly servesWorkspace: boolean;
}

/** What `activate` returns: for other extensions and the tests. */
export interface JobFamilyApi {
  client(): BaseLanguageClient | undefined;
}

let client: BaseLanguageClient | undefined;
let output: vscode.LogOutputChannel | undefined;

/** Absolute in either style; `node:path` is not there in the browser. */
const isAbsolute = (glob: string): boolean => /^(?:\/|\\\\|[a-zA-Z]:[\\/])/.test(glob);

/** Markdown files that match `jobFamily.files`; nothing else reaches the server. */
export function documentSelector(globs: readonly string[]): DocumentSelector {
  const selector: { language: string; pattern: string | vscode.RelativePattern }[] = [];
  for (const glob of globs.length ? globs : DEFAULT_FILES) {
    if (glob.startsWith('**/') || isAbsolute(glob)) selector.push({ language: 'markdown', pattern: glob });
    else for (const folder of vscode.workspace.workspaceFolders ?? []) selector.push({ language: 'markdown', pattern: new vscode.RelativePattern(folder, glob) });
  }
  return selector as DocumentSelector;
}

function filesSetting(): string[] {
  const files = vscode.workspace.getConfiguration('jobFamily').get<unknown>('files');
  return Array.isArray(files) && files.every((f) => typeof f === 'string') ? files : DEFAULT_FILES;
}

async function start(context: vscode.ExtensionContext, runtime: ClientRuntime): Promise<BaseLanguageClient> {
  output ??= vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(filesSetting()),
    outputChannel: output,
    synchronize: {
      configurationSection: 'jobFamily',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.md,.jobfamily.yml}'),
    },
    initializationOptions: {
      trusted: vscode.workspace.isTrusted,
      // Plain data: a Worker's postMessage cannot clone the configuration object's methods.
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('jobFamily'))) as unknown,
      // The rule pages ship with the extension; its URI is one the editor can open wherever it runs.
      docsBaseUri: vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules').toString(),
      // VS Code outlines Markdown by its headings already (the level ladder among them): a second
      // outline beside it helps nobody, so the server offers none and shows grades as inlay hints.
      symbols: false,
    },
    diagnosticPullOptions: { onChange: true, onSave: true },
    middleware: ruleLinkMiddleware,
  };
  const c = runtime.createClient(CLIENT_ID, CLIENT_NAME, clientOptions, output);
  // Registered before start: the server reads the workspace as soon as it is initialized.
  if (runtime.servesWorkspace) serveWorkspace(c);
  await c.start();
  return c;
}

async function restart(context: vscode.ExtensionContext, runtime: ClientRuntime): Promise<void> {
  const old = client;
  client = undefined;
  if (old) await old.stop().catch(() => undefined);
  client = await start(context, runtime);
}

/** The extension, the same on the desktop and in the browser but for `runtime`. */
export async function activateClient(context: vscode.ExtensionContext, runtime: ClientRuntime): Promise<JobFamilyApi> {
  client = await start(context, runtime);
  context.subscriptions.push(
    vscode.commands.registerCommand('jobFamily.restartServer', () => restart(context, runtime)),
    vscode.commands.registerCommand('jobFamily.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The selector is fixed when the client starts: a new `files` needs a new client.
      if (e.affectsConfiguration('jobFamily.files')) void restart(context, runtime);
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => restart(context, runtime)),
    { dispose: () => void client?.stop() },
  );
  registerCommands(context, () => client);
  return { client: () => client };
}

export async function deactivateClient(): Promise<void> {
  await client?.stop();
  client = undefined;
}
