// The benchmark's only in-process use of the language service. Everything else goes
// through the built server over stdio (dist/server.js) or the CLI (dist/cli.js). When the
// service API changes, this file is the one to update.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const service = () => require(path.join(root, 'out', 'server', 'src', 'service', 'index.js'));
const node = () => require(path.join(root, 'out', 'server', 'src', 'node', 'fileWorkspace.js'));

/**
 * A language service over the workspace folder `folder` (file-system reads, as the server
 * and the CLI do), with its handbook index built: empty unless `folder` is a checkout.
 * `validate(file, text)` runs every rule with the default configuration on a new document
 * version, so it never answers from the service's per-version caches.
 */
export async function createValidator(folder) {
  const { createLanguageService, DEFAULT_CONFIG } = service();
  const { FileWorkspace, toUri } = node();
  const ls = createLanguageService({ workspace: FileWorkspace.fromPaths([folder]) });
  await ls.index.build();
  let version = 0;
  return {
    indexedPages: ls.index.size,
    async validate(file, text) {
      const doc = { uri: toUri(file), version: ++version, getText: () => text };
      const findings = await ls.getFindings(doc, DEFAULT_CONFIG);
      return findings.length;
    },
  };
}

/**
 * The handbook index alone, built in process over `folder`. `touch(file)` tells it the file
 * changed on disk (as a file watcher does) and resolves when the index is up to date.
 */
export async function createIndex(folder) {
  const { createLanguageService } = service();
  const { FileWorkspace, toUri } = node();
  const ls = createLanguageService({ workspace: FileWorkspace.fromPaths([folder]) });
  await ls.index.build();
  return {
    pages: ls.index.size,
    touch: (file) => ls.index.fileChanged(toUri(file), false),
  };
}
