import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** The authoring commands; each asks the server, so they work on what the server knows. */
export function registerCommands(_context: vscode.ExtensionContext, _client: () => LanguageClient | undefined): void {
  // Filled in by the writing-assistance commands.
}
