import type { ClientCapabilities, Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService, Logger, Refresh } from '../service';
import type { Runtime } from './runtime';

/** What every handler module shares: the connection, the open documents and the one language service. */
export interface Session {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly runtime: Runtime;
  readonly log: Logger;
  /** Undefined until `initialize`; made on first use after it. Handlers run only after it. */
  readonly service: LanguageService | undefined;
  capabilities: ClientCapabilities;
  /** Asks the client to pull again, or pushes, the diagnostics of the given documents. */
  refresh(r: Refresh): void;
}

export function serviceOf(session: Session): LanguageService {
  if (!session.service) throw new Error('The server is not initialized.');
  return session.service;
}

export const supportsPull = (c: ClientCapabilities): boolean => c.textDocument?.diagnostic !== undefined;
export const supportsRefresh = (c: ClientCapabilities): boolean => c.workspace?.diagnostics?.refreshSupport === true;
