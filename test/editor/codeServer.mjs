// Runs a real VS Code (the code-server build, installed by scripts/install-code-server.sh)
// and drives its workbench in Debian's Chromium through playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function codeServerEntry() {
  const dir = process.env.CODE_SERVER_DIR ?? path.join(ROOT, '.vscode-test', 'code-server');
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  if (!existsSync(entry)) {
    throw new Error(`code-server is not installed at ${dir}: run scripts/install-code-server.sh (the test setup does it).`);
  }
  return entry;
}

export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error('Chromium is not installed: apt-get install chromium (the CI setup does it).');
  return found;
}

/** A fresh, isolated home for one VS Code session: settings, extensions, HOME and XDG folders. */
export function freshProfile(prefix = 'jfa-vscode-') {
  const home = mkdtempSync(path.join(os.tmpdir(), prefix));
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  mkdirSync(path.join(userData, 'User'), { recursive: true });
  mkdirSync(extensions, { recursive: true });
  writeFileSync(
    path.join(userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'security.workspace.trust.enabled': false,
        'workbench.colorTheme': 'Default Light Modern',
        'editor.minimap.enabled': false,
        'chat.disableAIFeatures': true,
        'window.commandCenter': false,
        'git.openRepositoryInParentFolders': 'never',
        'git.enabled': false,
        // VS Code for the web saves after a delay by default; tests keep their edits unsaved.
        'files.autoSave': 'off',
      },
      null,
      2,
    ),
  );
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
  };
  return { home, userData, extensions, env };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function get(url) {
  return new Promise((resolve, reject) => {
    const req = request(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Runs code-server's own CLI (e.g. --install-extension) to completion. */
export function runCodeServerCli(args, profile) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [codeServerEntry(), '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, ...args], {
      env: { ...process.env, ...profile.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${out}`))));
  });
}

/** Starts code-server on a free loopback port and waits until it answers. */
export async function startCodeServer(profile, extraEnv = {}, log = () => {}) {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      codeServerEntry(),
      '--auth', 'none',
      '--bind-addr', `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--config', path.join(profile.home, 'code-server.yaml'),
      '--user-data-dir', profile.userData,
      '--extensions-dir', profile.extensions,
    ],
    { env: { ...process.env, ...profile.env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const lines = [];
  const keep = (d) => {
    for (const l of String(d).split('\n')) if (l.trim()) {
      lines.push(l);
      log(l);
    }
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}):\n${lines.join('\n')}`);
    try {
      if ((await get(`http://127.0.0.1:${port}/healthz`)) === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start within 60 s:\n${lines.join('\n')}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    remote: (p) => `vscode-remote://127.0.0.1:${port}${p.split(path.sep).join('/')}`,
    output: lines,
    stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/** Headless Chromium with the flags this machine needs (no sandbox as root, no background network). */
export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'jfa-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return context;
}

/** The text of a console message from the workbench, with the extension host's styling removed. */
export function consoleText(msg) {
  const text = msg.text();
  if (!text.includes('%c')) return text;
  const args = text.split('%c');
  return args.join('').replace(/\s+(?:color|font-weight|background)[^;]*;?[^ ]*\s*$/g, '').replace(/ color: [^ ]+ ?/g, '');
}
