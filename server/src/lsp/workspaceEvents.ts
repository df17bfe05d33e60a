import { DidChangeConfigurationNotification, FileChangeType, type Diagnostic } from 'vscode-languageserver';
import type { ClientSettings, FileChange } from '../service';
import { runSafeVoid } from './runner';
import { serviceOf, type Session } from './session';

const NEVER = { isCancellationRequested: false };
const TYPES: Record<number, FileChange['type']> = { [FileChangeType.Created]: 'created', [FileChangeType.Changed]: 'changed', [FileChangeType.Deleted]: 'deleted' };

/** Settings and files changed outside the open documents. */
export function registerWorkspaceEvents(session: Session): { pullSettings(): Promise<void>; publishConfigProblems(): void } {
  const { connection, log } = session;
  const configurationPull = (): boolean => session.capabilities.workspace?.configuration === true;

  async function pullSettings(): Promise<void> {
    if (!configurationPull()) return;
    const raw = (await connection.workspace.getConfiguration('jobFamily')) as ClientSettings | null;
    session.refresh(serviceOf(session).setSettings(raw));
  }

  /** The config file's problems show on the file itself, whatever its language. */
  let shownOn: string | undefined;
  function publishConfigProblems(): void {
    const file = serviceOf(session).configFile;
    if (shownOn && shownOn !== file?.uri) void connection.sendDiagnostics({ uri: shownOn, diagnostics: [] }).catch(() => undefined);
    shownOn = file?.uri;
    if (!file) return;
    const diagnostics: Diagnostic[] = file.problems.map((p) => ({ range: p.range, message: p.message, severity: 1, source: 'jobfamily', code: 'config' }));
    void connection.sendDiagnostics({ uri: file.uri, diagnostics }).catch(() => undefined);
  }

  connection.onDidChangeConfiguration((change) => {
    runSafeVoid(log, 'configuration change', async () => {
      if (configurationPull()) await pullSettings();
      else session.refresh(serviceOf(session).setSettings((change.settings as { jobFamily?: ClientSettings } | undefined)?.jobFamily));
    });
  });

  connection.onDidChangeWatchedFiles((params) => {
    runSafeVoid(log, 'file change', async () => {
      const changes = params.changes.map((c) => ({ uri: c.uri, type: TYPES[c.type] ?? 'changed' }));
      session.refresh(await serviceOf(session).filesChanged(changes, NEVER));
      publishConfigProblems();
    });
  });

  return {
    pullSettings,
    publishConfigProblems,
  };
}

export async function registerForConfiguration(session: Session): Promise<void> {
  if (session.capabilities.workspace?.configuration === true && session.capabilities.workspace.didChangeConfiguration?.dynamicRegistration === true) {
    await session.connection.client.register(DidChangeConfigurationNotification.type, { section: 'jobFamily' });
  }
}
