#!/usr/bin/env node
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { FileWorkspace, toUri } from './fileWorkspace';
import { stdioConnection } from './stdio';

// `--node-ipc` and `--socket=N` are read by createConnection itself; `--stdio` writes each message in one piece.
const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);

startServer(connection, {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up (see Runtime)
  createService: (options) => (require('../service') as typeof import('../service')).createLanguageService(options),
  createWorkspace: (folders, openText) => new FileWorkspace(folders, openText),
  // The bundle sits in dist/; the rule docs ship in docs/rules/ beside it.
  docsBaseUri: toUri(path.join(__dirname, '..', 'docs', 'rules')),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
  pause: () => new Promise((resolve) => setImmediate(resolve)),
  now: () => performance.now(),
});
