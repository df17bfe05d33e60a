import { runSafeVoid } from './runner';
import { serviceOf, type Session } from './session';

const NEVER = { isCancellationRequested: false };

/** Tells the service what the editor has open; the service says which other pages to refresh. */
export function registerDocumentSync(session: Session): void {
  const { documents, log } = session;
  // TextDocuments reports an open as a content change too; the service hears each version once.
  const told = new Map<string, number>();
  documents.onDidOpen((e) => {
    told.set(e.document.uri, e.document.version);
    session.refresh(serviceOf(session).openDocument(e.document));
  });
  documents.onDidChangeContent((e) => {
    if (told.get(e.document.uri) === e.document.version) return;
    told.set(e.document.uri, e.document.version);
    session.refresh(serviceOf(session).changeDocument(e.document));
  });
  documents.onDidClose((e) => {
    told.delete(e.document.uri);
    runSafeVoid(log, 'close', async () => session.refresh(await serviceOf(session).closeDocument(e.document.uri, NEVER)));
  });
}
