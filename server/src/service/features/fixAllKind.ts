import { CodeActionKind } from 'vscode-languageserver-types';

/** The kind of the "fix all" source action, in a module of its own so the server can announce it without loading the service. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.jobFamily`;
