import type { LanguageService, LanguageServiceOptions, Pause, Workspace } from '../service';

/** What differs between Node and the browser: everything else is shared. */
export interface Runtime {
  /**
   * Makes the language service. Node loads the service's code here, on first use after
   * `initialize` has answered, rather than when the server starts: that answer needs none
   * of it, and an editor waits for it before it sends anything else.
   */
  createService(options: LanguageServiceOptions): LanguageService;
  /** A workspace over the given folders that answers open documents with the editor's text. */
  createWorkspace(folders: readonly string[], openText: (uri: string) => string | undefined): Workspace;
  /** Folder URI of the rule docs, for links from diagnostics. */
  readonly docsBaseUri: string | undefined;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Lets the event loop run in the middle of long work. */
  readonly pause: Pause;
  /** A monotonic clock in milliseconds. */
  now(): number;
  /** What this runtime cannot do, said once in the output (e.g. no handbook index in the browser without a folder). */
  readonly limitations?: readonly string[];
}
