import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { createLanguageService } from '../service';
import { ClientWorkspace } from './clientWorkspace';

// The language server in a Web Worker (VS Code for the web, the GitLab Web IDE): the same
// server as on Node, reading the workspace through the client.
declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));
const log = { log: (m: string) => connection.console.log(m), error: (m: string) => connection.console.error(m) };

// A zero timeout is clamped to 4 ms once nested; a message to itself lets queued work run at once.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const pause = (): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

startServer(connection, {
  // One script for the worker to fetch: the service comes with the server.
  createService: createLanguageService,
  createWorkspace: (folders, openText) => new ClientWorkspace(connection, folders, openText, log),
  // Given by the client (initializationOptions.docsBaseUri): only it knows where the extension is served from.
  docsBaseUri: undefined,
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as number),
  pause,
  now: () => performance.now(),
  limitations: [
    'Running in a Web Worker: files are read through the editor (jobFamily/fs/* requests). Symbolic links are not followed, since the editor cannot tell where they point.',
  ],
});
