import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Logger } from '../service';
import { isCancelledError } from '../service/cancellation';

/**
 * Runs a request handler so that no exception reaches the connection: a failure is logged
 * and answered with the empty result; a cancelled request is answered as cancelled.
 */
export async function runSafe<T>(log: Logger, what: string, empty: T, token: CancellationToken, fn: () => Promise<T> | T): Promise<T> {
  try {
    const result = await fn();
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    return result;
  } catch (e) {
    if (e instanceof ResponseError) throw e;
    if (isCancelledError(e)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return empty;
  }
}

/** Runs a notification handler that must never throw. */
export function runSafeVoid(log: Logger, what: string, fn: () => Promise<void> | void): void {
  Promise.resolve()
    .then(fn)
    .catch((e: unknown) => {
      if (isCancelledError(e)) return;
      log.error(`${what} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    });
}
