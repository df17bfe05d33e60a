/** Where the service writes what a user or developer may need to read later (the server's output channel, the CLI's stderr). */
export interface Logger {
  log(message: string): void;
  error(message: string): void;
}

export const SILENT: Logger = { log: () => undefined, error: () => undefined };

export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
