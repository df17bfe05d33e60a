import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, type JobFamilyApi } from '../common/client';

export { documentSelector } from '../common/client';

/** The desktop extension: the server is a Node process that reads the disk itself. */
export function activate(context: vscode.ExtensionContext): Promise<JobFamilyApi> {
  return activateClient(context, {
    servesWorkspace: false,
    createClient(id, name, options) {
      const module = context.asAbsolutePath(path.join('dist', 'server.js'));
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
      };
      return new LanguageClient(id, name, serverOptions, options);
    },
  });
}

export const deactivate = deactivateClient;
