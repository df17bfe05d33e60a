// A CPU profile of the server (node --cpu-prof) while typing into the page, summarised as
// the functions with the most self time, mapped to their TypeScript source through the
// bundle's source map when there is one.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVER, SERVER_BUNDLES } from '../lib/lsp.mjs';
import { root, WORK } from '../lib/workspaces.mjs';
import { indexedServer, typing } from './lsp.mjs';

function sourceMapOf(file) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return undefined;
  try {
    return new SourceMap(JSON.parse(readFileSync(mapFile, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Self time per function of a .cpuprofile, largest first. */
export function topFunctions(profile, limit = 5, lastMs = Infinity) {
  // The Node server is two bundles: the LSP side (server.js) and the service it loads on first use.
  const maps = new Map(SERVER_BUNDLES.map((file) => [path.basename(file), sourceMapOf(file)]));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  // Sample times (µs): only the last `lastMs` before the profile ends count.
  const stamps = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) stamps.push((t += d));
  const from = profile.endTime - lastMs * 1000;
  profile.samples.forEach((id, i) => {
    if (stamps[i] < from) return;
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    total += dt;
    const f = node.callFrame;
    let where = f.url ? `${path.basename(f.url)}:${f.lineNumber + 1}` : '';
    let name = f.functionName || '(anonymous)';
    const map = f.url ? maps.get(path.basename(f.url)) : undefined;
    if (map) {
      const e = map.findEntry(f.lineNumber, f.columnNumber);
      if (e?.originalSource) {
        const src = e.originalSource.startsWith('file:') ? fileURLToPath(e.originalSource) : path.resolve(path.dirname(SERVER), e.originalSource);
        where = `${path.relative(root, src)}:${e.originalLine + 1}`;
        if (name === '(anonymous)' && e.name) name = e.name;
      }
    }
    const key = `${name} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return {
    totalMs: total,
    top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([fn, ms]) => ({ fn, ms, share: ms / total })),
  };
}

/** Profiles `edits` typing edits into `file` in a server on `folder`; the index build is left out. */
export async function profileTyping(folder, file, edits) {
  const dir = path.join(WORK, 'profiles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { server } = await indexedServer(folder, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  const start = performance.now();
  const typed = await typing(server, file, { edits, budgetMs: Infinity });
  await server.stop();
  // The profile ends when the server exits; the typing is its last `window` ms.
  const window = performance.now() - start;
  const name = readdirSync(dir).find((n) => n.endsWith('.cpuprofile'));
  if (!name) return { typed, top: [], totalMs: NaN, file: undefined };
  const profile = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  return { typed, ...topFunctions(profile, 5, window), file: path.relative(root, path.join(dir, name)) };
}
