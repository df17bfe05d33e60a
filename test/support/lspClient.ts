import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { EXAMPLES, ROOT } from './paths';

/** A copy of the example handbook in a temp folder, so tests can change files freely. */
export function copyOfExamples(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jfa-handbook-'));
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}

/** The built language server over stdio, with a minimal client around it. */
export class LspClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcess;
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly logs: string[] = [];
  readonly #waiters: { uri: string; check: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];

  /** `wrapper` runs the server under another command line (e.g. `strace -f -o trace`). */
  constructor(wrapper: readonly string[] = []) {
    const server = [process.execPath, path.join(ROOT, 'dist', 'server.js'), '--stdio'];
    const [command, ...args] = [...wrapper, ...server];
    this.process = spawn(command!, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      for (const w of [...this.#waiters]) {
        if (w.uri === p.uri && w.check(p.diagnostics)) {
          this.#waiters.splice(this.#waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  async initialize(folder: string | undefined, capabilities: ClientCapabilities): Promise<unknown> {
    const result: unknown = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? uriOf(folder) : null,
      workspaceFolders: folder ? [{ uri: uriOf(folder), name: 'handbook' }] : null,
      capabilities,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  pull(uri: string): Promise<{ kind: string; items: Diagnostic[] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  /** Resolves when a pushed diagnostics set for `uri` passes `check`. */
  waitForPush(uri: string, check: (d: Diagnostic[]) => boolean, ms = 15_000): Promise<Diagnostic[]> {
    const now = this.published.get(uri);
    if (now && check(now.diagnostics)) return Promise.resolve(now.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.published.get(uri)?.diagnostics.map((d) => d.code))}`)), ms);
      this.#waiters.push({ uri, check, resolve: (d) => (clearTimeout(timer), resolve(d)) });
    });
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}

export const PULL_CLIENT: ClientCapabilities = {
  textDocument: { diagnostic: { dynamicRegistration: false }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } } } },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, workspaceFolders: true },
  window: { workDoneProgress: true },
};

export const PUSH_CLIENT: ClientCapabilities = { textDocument: {}, workspace: {} };
