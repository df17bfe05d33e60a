import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type LanguageClientOptions } from 'vscode-languageclient/browser';
import { activateClient, deactivateClient, type JobFamilyApi } from '../common/client';

const WORKER_NAME = 'Job Family language server';

/** The web extension (vscode.dev, the GitLab Web IDE, code-server): the server runs in a Web Worker. */
export function activate(context: vscode.ExtensionContext): Promise<JobFamilyApi> {
  const main = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browser', 'server.js');
  return activateClient(context, {
    servesWorkspace: true,
    createClient: (id, name, options, output) => new WorkerLanguageClient(id, name, options, () => startWorker(main, output)),
  });
}

export const deactivate = deactivateClient;

/** A worker has no exit of its own: the client ends it when it stops or starts a new one. */
class WorkerLanguageClient extends LanguageClient {
  private readonly current: { worker?: Worker };

  constructor(id: string, name: string, options: LanguageClientOptions, start: () => Promise<Worker>) {
    const current: { worker?: Worker } = {};
    super(
      id,
      name,
      // Transports rather than the Worker: the client tells a Worker by `instanceof`, which
      // fails for the hosts' wrapped Worker constructors.
      async () => {
        current.worker?.terminate();
        const worker = await start();
        current.worker = worker;
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      },
      options,
    );
    this.current = current;
  }

  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } finally {
      this.current.worker?.terminate();
      this.current.worker = undefined;
    }
  }
}

/** A copy of the server bundle, once the host has refused the extension's URL; kept for restarts. */
let blobUrl: string | undefined;

/**
 * Starts the server from the extension's URL. A host that serves the extension from a
 * remote file system (code-server) refuses ("Creating workers from remote extensions is
 * currently not supported"): the bundle is then read through `workspace.fs` and started
 * from a blob.
 */
async function startWorker(main: vscode.Uri, output: vscode.LogOutputChannel): Promise<Worker> {
  if (blobUrl === undefined) {
    try {
      const worker = new Worker(main.toString(true), { name: WORKER_NAME });
      output.info(`Language server started in a Web Worker from ${main.toString(true)}`);
      return worker;
    } catch (e) {
      output.info(`This editor does not start workers from the extension's URL (${e instanceof Error ? e.message : String(e)}); starting the language server from a copy read through the editor's file system.`);
      const bytes = await vscode.workspace.fs.readFile(main);
      blobUrl = URL.createObjectURL(new Blob([bytes.slice()], { type: 'text/javascript' }));
    }
  }
  const worker = new Worker(blobUrl, { name: WORKER_NAME });
  output.info('Language server started in a Web Worker from a copy of its bundle');
  return worker;
}
