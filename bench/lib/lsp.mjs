// A minimal LSP client for the built server (node dist/server.js --stdio), as an editor
// with pull diagnostics drives it.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const proto = require('vscode-languageserver-protocol/node');

export const SERVER = path.join(root, 'dist', 'server.js');
/** What a server start loads: server.js at once, service.js (the language service) on first use. */
export const SERVER_BUNDLES = [SERVER, path.join(root, 'dist', 'service.js')];
export const INDEX_LOG = /Handbook index: \d+ pages/;

const CAPABILITIES = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false },
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    completion: { completionItem: { snippetSupport: true } },
  },
  window: { workDoneProgress: true },
  workspace: { workspaceFolders: true },
};

export const uriOf = (file) => pathToFileURL(file).href;

/** Peak resident memory (VmHWM) and current RSS of a process, in MB, from /proc. */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
    return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
  } catch {
    return { peakMb: NaN, rssMb: NaN };
  }
}

let ticksPerSecond;
/** CPU time (user + system, all threads) a process has used so far, in ms, from /proc. */
export function cpuMsOf(pid) {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After "pid (comm) ", utime and stime are the 12th and 13th fields.
    return ((Number(fields[11]) + Number(fields[12])) / ticksPerSecond) * 1000;
  } catch {
    return NaN;
  }
}

/**
 * The environment the extension starts the server in (client/src/node/extension.ts): this
 * process's, without NODE_EXTRA_CA_CERTS, which the server has no use for.
 */
export const SERVER_ENV = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_EXTRA_CA_CERTS'));

export class Server {
  /** Spawns the server as the extension does; `nodeArgs` go to node itself (e.g. --cpu-prof). */
  constructor({ nodeArgs = [], cwd } = {}) {
    this.spawnedAt = performance.now();
    this.child = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], cwd, env: SERVER_ENV });
    this.stderr = '';
    this.child.stderr.on('data', (d) => {
      this.stderr += String(d);
    });
    this.exited = new Promise((resolve) => this.child.once('exit', (code, signal) => resolve({ code, signal })));
    this.conn = proto.createProtocolConnection(new proto.StreamMessageReader(this.child.stdout), new proto.StreamMessageWriter(this.child.stdin));
    this.logs = [];
    let markReady;
    this.indexReady = new Promise((resolve) => {
      markReady = resolve;
    });
    this.indexedAt = undefined;
    const ready = (how) => {
      if (this.indexedAt !== undefined) return;
      this.indexedAt = performance.now();
      this.indexSignal = how;
      markReady(this.indexedAt);
    };
    this.conn.onNotification('window/logMessage', (p) => {
      this.logs.push(p.message);
      if (INDEX_LOG.test(p.message)) ready('log');
    });
    this.conn.onNotification('$/progress', (p) => {
      if (p?.value?.kind === 'end') ready('progress');
    });
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('workspace/configuration', (p) => p.items.map(() => null));
    this.conn.onNotification('textDocument/publishDiagnostics', () => undefined);
    this.conn.listen();
    this.versions = new Map();
  }

  get pid() {
    return this.child.pid;
  }

  /** `initialize` for one workspace folder; resolves with the time from spawn to its result. */
  async initialize(folder) {
    const uri = uriOf(folder);
    await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: path.basename(folder) }],
      capabilities: CAPABILITIES,
      initializationOptions: { trusted: true },
    });
    return performance.now() - this.spawnedAt;
  }

  /** Sends `initialized` (which starts the index) and resolves with the time until it is complete. */
  async initializedAndIndexed(timeoutMs = 600_000) {
    const start = performance.now();
    await this.conn.sendNotification('initialized', {});
    let timer;
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no index signal after ${timeoutMs} ms; logs: ${this.logs.join(' | ')}`)), timeoutMs);
    });
    try {
      const at = await Promise.race([this.indexReady, timeout]);
      return at - start;
    } finally {
      clearTimeout(timer);
    }
  }

  async open(file, text) {
    const uri = uriOf(file);
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return uri;
  }

  async close(uri) {
    this.versions.delete(uri);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** One incremental edit: `text` replaces `range`; the document gets a new version. */
  async change(uri, range, text) {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    return version;
  }

  pull(uri) {
    return this.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  complete(uri, position, triggerCharacter) {
    return this.conn.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position,
      context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
    });
  }

  memory() {
    return memoryOf(this.pid);
  }

  cpuMs() {
    return cpuMsOf(this.pid);
  }

  async stop() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await this.conn.sendNotification('exit');
    } catch {
      // the process is gone already
    }
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(killer);
    this.conn.dispose();
  }
}
