import type { CancellationToken } from 'vscode-languageserver';
import { runSafe } from './runner';
import { serviceOf, type Session } from './session';

interface PositionParams {
  textDocument: { uri: string };
  position: { line: number; character: number };
}

/** Every request is a few lines: ask the service, answer its result or the empty one. */
export function registerFeatures(session: Session): void {
  const { connection, log } = session;
  const ls = () => serviceOf(session);

  connection.onCodeAction((p, token) => runSafe(log, 'code actions', [], token, () => ls().getCodeActions(p.textDocument.uri, p.range, p.context.diagnostics, p.context.only, token)));
  connection.onCompletion((p, token) => runSafe(log, 'completion', null, token, () => ls().getCompletions(p.textDocument.uri, p.position, token)));
  connection.onHover((p, token) => runSafe(log, 'hover', null, token, () => ls().getHover(p.textDocument.uri, p.position, token)));
  connection.onDocumentSymbol((p, token) => runSafe(log, 'document symbols', [], token, () => ls().getDocumentSymbols(p.textDocument.uri, token)));
  connection.onDocumentLinks((p, token) => runSafe(log, 'document links', [], token, () => ls().getDocumentLinks(p.textDocument.uri, token)));
  connection.onDefinition((p, token) => runSafe(log, 'definition', null, token, () => ls().getDefinition(p.textDocument.uri, p.position, token)));
  connection.onFoldingRanges((p, token) => runSafe(log, 'folding', [], token, () => ls().getFoldingRanges(p.textDocument.uri, token)));
  connection.languages.inlayHint.on((p, token) => runSafe(log, 'inlay hints', [], token, () => ls().getInlayHints(p.textDocument.uri, p.range, token)));
  connection.onRequest('jobFamily/levelInsertion', (p: PositionParams, token: CancellationToken) => runSafe(log, 'level insertion', null, token, () => ls().getLevelInsertion(p.textDocument.uri, p.position, token)));
  connection.onRequest('jobFamily/placeholders', (p: { textDocument: { uri: string } }, token: CancellationToken) => runSafe(log, 'placeholders', [], token, () => ls().getPlaceholders(p.textDocument.uri, token)));
}
