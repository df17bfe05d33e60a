import { CancellationTokenSource, type CancellationToken, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import type { LspClient } from './lspClient';

export interface Position {
  readonly line: number;
  readonly character: number;
}

export function change(client: LspClient, uri: string, version: number, text: string): Promise<void> {
  return client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
}

export function close(client: LspClient, uri: string): Promise<void> {
  return client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

export function hover(client: LspClient, uri: string, position: Position): Promise<{ contents: unknown } | null> {
  return client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
}

export function completion(client: LspClient, uri: string, position: Position): Promise<{ items: { label: string }[] } | null> {
  return client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
}

export function pull(client: LspClient, uri: string, token?: CancellationToken): Promise<{ kind: string; items: Diagnostic[] }> {
  return token ? client.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, token) : client.pull(uri);
}

/** A pull whose request is cancelled with `$/cancelRequest` right after it is sent. */
export function cancelledPull(client: LspClient, uri: string): Promise<{ kind: string; items: Diagnostic[] }> {
  const source = new CancellationTokenSource();
  const p = pull(client, uri, source.token);
  source.cancel();
  return p;
}

/** The order in which things settle, as names ("hover", "pull:error:-32800"). */
export class Settled {
  readonly order: string[] = [];

  track<T>(name: string, p: Promise<T>): Promise<T | undefined> {
    return p.then(
      (v) => {
        this.order.push(name);
        return v;
      },
      (e: unknown) => {
        const code = (e as { code?: unknown }).code;
        this.order.push(`${name}:error:${String(code)}`);
        return undefined;
      },
    );
  }

  index(name: string): number {
    return this.order.findIndex((n) => n === name || n.startsWith(`${name}:`));
  }
}

/** Every diagnostics push for one document, in arrival order. */
export function recordPushes(client: LspClient, uri: string): PublishDiagnosticsParams[] {
  const pushes: PublishDiagnosticsParams[] = [];
  client.connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    client.published.set(p.uri, p);
    if (p.uri === uri) pushes.push(p);
  });
  return pushes;
}
