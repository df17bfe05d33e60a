import { CodeActionKind, TextDocumentSyncKind, TextDocuments, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientSettings, LanguageService, LanguageServiceOptions, Logger } from '../service';
import { FIX_ALL_KIND } from '../service/features/fixAllKind';
import { registerDiagnostics } from './diagnostics';
import { registerDocumentSync } from './documentSync';
import { registerFeatures } from './features';
import { runSafeVoid } from './runner';
import type { Runtime } from './runtime';
import { supportsPull, type Session } from './session';
import { registerForConfiguration, registerWorkspaceEvents } from './workspaceEvents';

interface InitOptions {
  /** False in VS Code's Restricted Mode: workspace config files are not read. */
  trusted?: boolean;
  settings?: ClientSettings;
  /**
   * False from a client whose editor already outlines Markdown by its headings (VS Code): two
   * outlines side by side help nobody, so the server offers none and shows grades as inlay hints.
   */
  symbols?: boolean;
  /** Folder URI of the rule docs, for a runtime that cannot know where the extension is served from (the browser). */
  docsBaseUri?: string;
}

/** The language server: the service behind LSP, with one small module per concern. */
export function startServer(connection: Connection, runtime: Runtime): void {
  const log: Logger = { log: (m) => connection.console.log(m), error: (m) => connection.console.error(m) };
  const documents = new TextDocuments(TextDocument);
  // What `initialize` says the service is made with; the service itself is made on first use.
  let made: { readonly options: LanguageServiceOptions; readonly settings: ClientSettings | undefined } | undefined;
  let service: LanguageService | undefined;
  const session: Session = {
    connection,
    documents,
    runtime,
    log,
    get service() {
      if (!service && made) {
        service = runtime.createService(made.options);
        service.setSettings(made.settings);
      }
      return service;
    },
    capabilities: {},
    refresh: () => undefined,
  };
  session.refresh = registerDiagnostics(session);
  registerDocumentSync(session);
  registerFeatures(session);
  const workspaceEvents = registerWorkspaceEvents(session);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitOptions;
    session.capabilities = params.capabilities;
    const folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri.replace(/\/+$/, ''));
    const workspace = runtime.createWorkspace(folders, (uri) => documents.get(uri)?.getText());
    made = {
      options: { workspace, logger: log, docsBaseUri: runtime.docsBaseUri ?? (typeof options.docsBaseUri === 'string' ? options.docsBaseUri : undefined), trusted: options.trusted !== false, pause: runtime.pause, now: () => runtime.now() },
      settings: options.settings,
    };
    // Made as soon as the answer is on its way, while the client sets itself up; a request that comes first makes it.
    runtime.setTimeout(() => runSafeVoid(log, 'Starting the language service', () => void session.service), 0);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(supportsPull(params.capabilities) ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [' ', '(', '/', '#', '"', '['], resolveProvider: false },
        hoverProvider: true,
        ...(options.symbols === false ? {} : { documentSymbolProvider: true }),
        inlayHintProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'jobfamily-language-server' },
    };
  });

  connection.onInitialized(() => {
    runSafeVoid(log, 'initialized', async () => {
      for (const limitation of runtime.limitations ?? []) log.log(limitation);
      await registerForConfiguration(session);
      await workspaceEvents.pullSettings();
      await indexWithProgress(session);
      workspaceEvents.publishConfigProblems();
    });
  });

  documents.listen(connection);
  connection.listen();
}

/** Reads the configuration and indexes the handbook, with standard LSP progress (VS Code, Neovim and Emacs show it). */
async function indexWithProgress(session: Session): Promise<void> {
  const { connection, service } = session;
  if (!service) return;
  const progress = session.capabilities.window?.workDoneProgress === true ? await connection.window.createWorkDoneProgress() : undefined;
  progress?.begin('Indexing the handbook', 0, undefined, false);
  let last = -1;
  try {
    const r = await service.initialize({ isCancellationRequested: false }, (done, total) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (percent !== last) progress?.report(percent, `${done}/${total} pages`);
      last = percent;
    });
    session.refresh(r);
  } finally {
    progress?.done();
  }
}
