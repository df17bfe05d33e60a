#!/usr/bin/env node
import * as path from 'node:path';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../server';
import { FileWorkspace, toUri } from './fileWorkspace';

// `--stdio`, `--node-ipc` and `--socket=N` are read by createConnection itself.
const connection = createConnection(ProposedFeatures.all);

startServer(connection, {
  createWorkspace: (folders, documents) => new FileWorkspace(folders, (uri) => documents.get(uri)?.getText()),
  // The bundle sits in dist/; the rule docs ship in docs/rules/ beside it.
  docsBaseUri: toUri(path.join(__dirname, '..', 'docs', 'rules')),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
});
