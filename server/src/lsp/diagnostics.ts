import { DocumentDiagnosticReportKind, type Diagnostic } from 'vscode-languageserver';
import type { Refresh } from '../service';
import { runSafe, runSafeVoid } from './runner';
import { serviceOf, supportsPull, supportsRefresh, type Session } from './session';

/** Clients that only take pushes get one after typing pauses for this long. */
const PUSH_DELAY_MS = 200;
/** Refreshes caused by other pages (a link target, a family file) are batched. */
const REFRESH_DELAY_MS = 300;

/**
 * Diagnostics: pulled by clients that can (VS Code), pushed after a pause, with a stale-result
 * guard, to the others (Neovim, Emacs). Returns the refresh function the other modules use.
 */
export function registerDiagnostics(session: Session): (r: Refresh) => void {
  const { connection, documents, runtime, log } = session;
  const pending = new Map<string, unknown>();
  let refreshTimer: unknown;
  let refreshAll = false;

  connection.languages.diagnostics.on((params, token) =>
    runSafe(log, 'diagnostics', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, token, async () => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: await serviceOf(session).getDiagnostics(params.textDocument.uri, token),
    })),
  );

  function schedulePush(uri: string, delay = PUSH_DELAY_MS): void {
    const old = pending.get(uri);
    if (old !== undefined) runtime.clearTimeout(old);
    pending.set(
      uri,
      runtime.setTimeout(() => {
        pending.delete(uri);
        const version = documents.get(uri)?.version;
        if (version === undefined) return;
        const never = { isCancellationRequested: false, onCancellationRequested: () => ({ dispose: () => undefined }) };
        runSafeVoid(log, 'diagnostics', async () => {
          const diagnostics = await serviceOf(session).getDiagnostics(uri, never);
          // A newer edit has its own push on the way; this result is stale.
          if (documents.get(uri)?.version !== version) return;
          await connection.sendDiagnostics({ uri, version, diagnostics });
        });
      }, delay),
    );
  }

  documents.onDidChangeContent((e) => {
    if (!supportsPull(session.capabilities)) schedulePush(e.document.uri);
  });
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer !== undefined) runtime.clearTimeout(timer);
    pending.delete(e.document.uri);
    if (!supportsPull(session.capabilities)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }).catch(() => undefined);
  });

  return (r: Refresh) => {
    if (!r.uris.length) return;
    if (supportsPull(session.capabilities)) {
      if (!supportsRefresh(session.capabilities)) return;
      refreshAll = true;
      if (refreshTimer !== undefined) return;
      refreshTimer = runtime.setTimeout(() => {
        refreshTimer = undefined;
        if (!refreshAll) return;
        refreshAll = false;
        connection.languages.diagnostics.refresh().catch((e: unknown) => log.error(`refresh failed: ${String(e)}`));
      }, REFRESH_DELAY_MS);
      return;
    }
    for (const uri of r.uris) schedulePush(uri, REFRESH_DELAY_MS);
  };
}
