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
 * `validate(file, text)` opens the page with a new document version and runs every rule. It
 * opens the page anew each time, as an editor opening it does, so the service keeps nothing
 * of an earlier version: not its findings, not what its lines gave (typing, which reuses
 * those, is measured over stdio).
 */
export async function createValidator(folder) {
  const { createLanguageService, NEVER_CANCELLED } = service();
  const { FileWorkspace, toUri } = node();
  const ls = createLanguageService({ workspace: FileWorkspace.fromPaths([folder]) });
  await ls.initialize(NEVER_CANCELLED);
  let version = 0;
  return {
    indexedPages: ls.index.size,
    async validate(file, text) {
      const uri = toUri(file);
      const doc = { uri, version: ++version, getText: () => text };
      ls.openDocument(doc, { jobFamily: true });
      const findings = await ls.getFindings(uri, NEVER_CANCELLED);
      return findings.length;
    },
  };
}

/**
 * The handbook index alone, built in process over `folder`. `touch(file)` tells it the file
 * changed on disk (as a file watcher does) and resolves when the index is up to date.
 */
export async function createIndex(folder) {
  const { createLanguageService, NEVER_CANCELLED } = service();
  const { FileWorkspace, toUri } = node();
  const ls = createLanguageService({ workspace: FileWorkspace.fromPaths([folder]) });
  await ls.initialize(NEVER_CANCELLED);
  return {
    pages: ls.index.size,
    touch: (file) => ls.filesChanged([{ uri: toUri(file), type: 'changed' }], NEVER_CANCELLED),
  };
}
