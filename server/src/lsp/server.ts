import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { runSafe, runSafeVoid, type Log } from './runner';
import {
  CONFIG_FILE_NAME,
  FIX_ALL_KIND,
  RULES,
  createLanguageService,
  matchesGlobs,
  mergeConfig,
  parseConfigFile,
  type JobFamilyConfig,
  type LanguageService,
  type Workspace,
} from './service';
import { settingsLayer, type ClientSettings } from './settings';

/** What differs between Node and the browser. */
export interface Runtime {
  /** A workspace over the given folders that reads open documents from `documents`. */
  createWorkspace(folders: readonly string[], documents: TextDocuments<TextDocument>): Workspace;
  /** Folder URI of the rule docs, for links from diagnostics. */
  readonly docsBaseUri: string | undefined;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface InitOptions {
  /** False in VS Code's Restricted Mode: workspace config files are not read. */
  trusted?: boolean;
  settings?: ClientSettings;
}

const PUSH_DELAY_MS = 200;

export function startServer(connection: Connection, runtime: Runtime): void {
  const documents = new TextDocuments(TextDocument);
  const log: Log = { log: (m) => connection.console.log(m), error: (m) => connection.console.error(m) };

  let folders: string[] = [];
  let workspace: Workspace | undefined;
  let service: LanguageService | undefined;
  let trusted = true;
  let pullDiagnostics = false;
  let refreshSupport = false;
  let configurationPull = false;
  let workDoneProgress = false;
  let settings: Partial<JobFamilyConfig> = {};
  let fileConfig: Partial<JobFamilyConfig> = {};
  let config: JobFamilyConfig = mergeConfig();
  const pending = new Map<string, unknown>();

  const ready = (): LanguageService => {
    if (!service) throw new Error('The server is not initialized.');
    return service;
  };

  /** Only pages matching `files` are job families; other Markdown gets nothing from us. */
  const isJobFamily = (uri: string): boolean => {
    const folder = folders.find((f) => uri.startsWith(f + '/'));
    const full = decodeURIComponentSafe(uri.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
    if (folder && matchesGlobs(decodeURIComponentSafe(uri.slice(folder.length + 1)), config.files)) return true;
    return matchesGlobs(full, config.files);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as InitOptions;
    trusted = options.trusted !== false;
    settings = settingsLayer(options.settings);
    folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => f.uri.replace(/\/+$/, ''));
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    configurationPull = caps.workspace?.configuration === true;
    workDoneProgress = caps.window?.workDoneProgress === true;
    workspace = runtime.createWorkspace(folders, documents);
    service = createLanguageService({ workspace, logger: log, docsBaseUri: runtime.docsBaseUri });
    config = mergeConfig(fileConfig, settings);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: true, workspaceDiagnostics: false } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [' ', '(', '/', '#', '"', '['], resolveProvider: false },
        hoverProvider: true,
        documentSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        definitionProvider: true,
        foldingRangeProvider: true,
      },
      serverInfo: { name: 'jobfamily-language-server' },
    };
  });

  connection.onInitialized(() => {
    runSafeVoid(log, 'initialized', async () => {
      if (configurationPull) {
        await connection.client.register(DidChangeConfigurationNotification.type, { section: 'jobFamily' });
        await pullSettings();
      }
      await loadConfigFile();
      await buildIndex();
      refreshAll();
    });
  });

  /** Indexes the handbook with standard LSP progress, which VS Code, Neovim and Emacs all show. */
  async function buildIndex(): Promise<void> {
    const index = service?.index;
    if (!index) return;
    const progress = workDoneProgress ? await connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('Indexing the handbook', 0, undefined, false);
    let last = -1;
    await index.build((done, total) => {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (percent !== last) progress?.report(percent, `${done}/${total} pages`);
      last = percent;
    });
    progress?.done();
  }

  async function pullSettings(): Promise<void> {
    const raw = (await connection.workspace.getConfiguration('jobFamily')) as ClientSettings | null;
    settings = settingsLayer(raw ?? undefined);
    config = mergeConfig(fileConfig, settings);
  }

  /** Reads `.jobfamily.yml` of the first workspace folder; its problems appear on the file itself. */
  async function loadConfigFile(): Promise<void> {
    fileConfig = {};
    const folder = folders[0];
    if (!folder || !workspace) return;
    const uri = `${folder}/${CONFIG_FILE_NAME}`;
    if (!trusted) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
      config = mergeConfig(fileConfig, settings);
      return;
    }
    const text = await workspace.readFile(uri);
    const diagnostics: Diagnostic[] = [];
    if (text !== undefined) {
      const parsed = parseConfigFile(text, RULES);
      fileConfig = parsed.config;
      for (const p of parsed.problems) diagnostics.push({ range: p.range, message: p.message, severity: 1, source: 'jobfamily', code: 'config' });
    }
    void connection.sendDiagnostics({ uri, diagnostics });
    config = mergeConfig(fileConfig, settings);
  }

  connection.onDidChangeConfiguration((change) => {
    runSafeVoid(log, 'configuration change', async () => {
      if (configurationPull) await pullSettings();
      else {
        settings = settingsLayer((change.settings as { jobFamily?: ClientSettings } | undefined)?.jobFamily);
        config = mergeConfig(fileConfig, settings);
      }
      refreshAll();
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    runSafeVoid(log, 'file change', async () => {
      let configChanged = false;
      for (const change of params.changes) {
        if (change.uri.endsWith(`/${CONFIG_FILE_NAME}`)) configChanged = true;
        else {
          service?.forget(change.uri);
          await service?.index.fileChanged(change.uri, change.type === 3);
        }
      }
      if (configChanged) await loadConfigFile();
      refreshAll();
    });
  });

  // Diagnostics: pulled by clients that can, pushed (debounced, version-checked) to others.
  connection.languages.diagnostics.on((params, token) =>
    runSafe(log, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !isJobFamily(doc.uri)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      return { kind: DocumentDiagnosticReportKind.Full, items: await ready().computeDiagnostics(doc, config, token) };
    }),
  );

  function schedulePush(doc: TextDocument): void {
    if (pullDiagnostics) return;
    const old = pending.get(doc.uri);
    if (old !== undefined) runtime.clearTimeout(old);
    pending.set(
      doc.uri,
      runtime.setTimeout(() => {
        pending.delete(doc.uri);
        const version = doc.version;
        runSafeVoid(log, 'diagnostics', async () => {
          const current = documents.get(doc.uri);
          if (!current) return;
          const diagnostics = isJobFamily(doc.uri) ? await ready().computeDiagnostics(current, config) : [];
          // A newer edit has its own push on the way; this result is stale.
          if (documents.get(doc.uri)?.version !== version) return;
          await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
        });
      }, PUSH_DELAY_MS),
    );
  }

  function refreshAll(): void {
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh().catch((e: unknown) => log.error(`refresh failed: ${String(e)}`));
    } else {
      for (const doc of documents.all()) schedulePush(doc);
    }
  }

  let refreshTimer: unknown;
  documents.onDidChangeContent((e) => {
    service?.changed(e.document.uri);
    // Another page's links depend on this page's anchors and title; refresh them when those change.
    if (service?.index.documentChanged(e.document.uri, e.document.getText())) {
      if (refreshTimer !== undefined) runtime.clearTimeout(refreshTimer);
      refreshTimer = runtime.setTimeout(() => {
        refreshTimer = undefined;
        refreshAll();
      }, 500);
    }
    schedulePush(e.document);
  });
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer !== undefined) runtime.clearTimeout(timer);
    pending.delete(e.document.uri);
    runSafeVoid(log, 'close', async () => {
      service?.forget(e.document.uri);
      await service?.index.documentClosed(e.document.uri);
      if (!pullDiagnostics) await connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    });
  });

  connection.onCodeAction((params, token) =>
    runSafe(log, 'code actions', [], token, async () => {
      const doc = documents.get(params.textDocument.uri);
      if (!doc || !isJobFamily(doc.uri)) return [];
      return ready().getCodeActions(doc, params.range, params.context.diagnostics, params.context.only, config, token);
    }),
  );

  /** Runs `fn` on an open job-family document, or answers `empty`. */
  const onDoc = <T>(uri: string, empty: T, fn: (doc: TextDocument, ls: LanguageService) => T): T => {
    const doc = documents.get(uri);
    return doc && isJobFamily(uri) ? fn(doc, ready()) : empty;
  };

  connection.onCompletion((p, token) => runSafe(log, 'completion', null, token, () => onDoc(p.textDocument.uri, null, (d, ls) => ls.getCompletions(d, p.position, config))));
  connection.onHover((p, token) => runSafe(log, 'hover', null, token, () => onDoc(p.textDocument.uri, null, (d, ls) => ls.getHover(d, p.position, config))));
  connection.onDocumentSymbol((p, token) => runSafe(log, 'document symbols', [], token, () => onDoc(p.textDocument.uri, [], (d, ls) => ls.getDocumentSymbols(d))));
  connection.onDocumentLinks((p, token) => runSafe(log, 'document links', [], token, () => onDoc(p.textDocument.uri, [], (d, ls) => ls.getDocumentLinks(d))));
  connection.onDefinition((p, token) => runSafe(log, 'definition', null, token, () => onDoc(p.textDocument.uri, null, (d, ls) => ls.getDefinition(d, p.position))));
  connection.onFoldingRanges((p, token) => runSafe(log, 'folding', [], token, () => onDoc(p.textDocument.uri, [], (d, ls) => ls.getFoldingRanges(d))));
  connection.onRequest('jobFamily/levelInsertion', (p: { textDocument: { uri: string }; position: { line: number; character: number } }, token: CancellationToken) =>
    runSafe(log, 'level insertion', null, token, () => onDoc(p.textDocument.uri, null, (d, ls) => ls.getLevelInsertion(d, p.position, config) ?? null)),
  );
  connection.onRequest('jobFamily/placeholders', (p: { textDocument: { uri: string } }, token: CancellationToken) =>
    runSafe(log, 'placeholders', [], token, () => onDoc(p.textDocument.uri, [], (d, ls) => ls.getPlaceholders(d))),
  );

  documents.listen(connection);
  connection.listen();
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
