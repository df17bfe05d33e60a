import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, type JobFamilyApi } from '../common/client';

export { documentSelector } from '../common/client';

/**
 * Set over the extension host's environment for the server (undefined leaves a variable out).
 * The server never opens a network connection, so it needs no extra TLS certificates, and
 * Node reads the file NODE_EXTRA_CA_CERTS names on every start, before the server runs at
 * all: with a company's certificate bundle that is most of the start-up.
 */
const SERVER_ENV = { NODE_EXTRA_CA_CERTS: undefined };

/** The desktop extension: the server is a Node process that reads the disk itself. */
export function activate(context: vscode.ExtensionContext): Promise<JobFamilyApi> {
  return activateClient(context, {
    servesWorkspace: false,
    createClient(id, name, options) {
      const module = context.asAbsolutePath(path.join('dist', 'server.js'));
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { env: SERVER_ENV } },
        debug: { module, transport: TransportKind.ipc, options: { env: SERVER_ENV, execArgv: ['--nolazy', '--inspect=6019'] } },
      };
      return new LanguageClient(id, name, serverOptions, options);
    },
  });
}

export const deactivate = deactivateClient;
