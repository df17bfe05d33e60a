import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { BINS, cleanHome, describeRun, handbookCopy, installedServer, readmeBlock, readmeBlockNames, run, tempDir } from './setup';

describe('other editors: the README install commands (editor-setup: install)', function () {
  this.timeout(6 * 60_000);

  it('README.md marks the install commands and each editor setup once', () => {
    assert.deepEqual(readmeBlockNames(), ['install', 'neovim-0.7', 'neovim-0.8', 'emacs-eglot']);
    assert.equal(readmeBlock('install').lang, 'sh');
  });

  it('run in a copy of the checkout with a clean HOME, put both commands on the PATH of a temporary npm prefix', async () => {
    const { prefix, env } = await installedServer();
    for (const bin of BINS) {
      const which = await run('bash', ['-c', `command -v ${bin}`], { env, timeoutMs: 10_000 });
      assert.equal(which.stdout.trim(), path.join(prefix, 'bin', bin), `${bin} on the PATH comes from the temporary prefix`);
    }
    const rules = await run('jobfamily-lint', ['--list-rules'], { env, timeoutMs: 30_000 });
    assert.equal(rules.status, 0, describeRun('jobfamily-lint --list-rules', rules));
    assert.match(rules.stdout, /JF001/);
    assert.match(rules.stdout, /JF042/);
  });

  it('the installed jobfamily-lint checks the example handbook', async () => {
    const { env } = await installedServer();
    const hb = handbookCopy();
    const r = await run('jobfamily-lint', ['content/job-families/sales/account-manager.md'], { cwd: hb, env, timeoutMs: 30_000 });
    assert.equal(r.status, 1, describeRun('jobfamily-lint', r));
    assert.match(r.stdout, /^content\/job-families\/sales\/account-manager\.md:55:39 error JF019 /m);
  });

  it('the installed jobfamily-language-server answers initialize over stdio', async () => {
    const { env } = await installedServer();
    const frame = (message: object) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    };
    const server = spawn('jobfamily-language-server', ['--stdio'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    // A server that dies early shows in the assertions below, not as a write error.
    server.stdin.on('error', () => undefined);
    server.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
    /** Resolves when the response to request `id` has arrived (false after 20 s). */
    const response = (id: number) =>
      new Promise<boolean>((resolve) => {
        const seen = () => stdout.includes(`"id":${id},"result"`);
        if (seen()) return resolve(true);
        const timer = setTimeout(() => resolve(false), 20_000);
        server.stdout.on('data', () => {
          if (seen()) {
            clearTimeout(timer);
            resolve(true);
          }
        });
      });
    server.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    server.stdin.write(frame({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    assert.ok(await response(1), `initialize answered\n--- stdout\n${stdout}\n--- stderr\n${stderr}`);
    assert.match(stdout, /"id":1,"result":\{"capabilities":\{/);
    server.stdin.write(frame({ id: 2, method: 'shutdown' }));
    assert.ok(await response(2), `shutdown answered\n${stderr}`);
    server.stdin.write(frame({ method: 'exit' }));
    assert.equal(await exited, 0, `exit status after shutdown and exit\n${stderr}`);
  });

  it('the tarball holds the launchers, the bundled server (with the service it loads on first use) and CLI, and no sources', async () => {
    const { tarball, env } = await installedServer();
    const r = await run('tar', ['-tzf', tarball], { env, timeoutMs: 30_000 });
    assert.equal(r.status, 0, describeRun('tar -tzf', r));
    const files = r.stdout.split('\n');
    for (const f of ['package/package.json', 'package/bin/jobfamily-language-server.js', 'package/bin/jobfamily-lint.js', 'package/dist/server.js', 'package/dist/service.js', 'package/dist/cli.js']) {
      assert.ok(files.includes(f), `${f} is in ${path.basename(tarball)}`);
    }
    assert.deepEqual(files.filter((f) => /^package\/(server|client|test|scripts|examples)\//.test(f)), []);
  });

  it('the tarball installs from an empty npm cache with no network (npm --offline, clean HOME)', async () => {
    const { checkout } = await installedServer();
    // The README line that installs the tarball, run again on its own, offline.
    const line = readmeBlock('install').text.split('\n').find((l) => /\bnpm (install|i) (-g|--global)\b/.test(l));
    assert.ok(line, 'the install commands include an `npm install -g` of the tarball');
    const prefix = tempDir('offline-prefix');
    const { home, env } = cleanHome('offline', prefix);
    env.npm_config_cache = path.join(home, 'empty-npm-cache');
    env.npm_config_offline = 'true';
    const r = await run('bash', ['-euo', 'pipefail', '-c', line], { cwd: checkout, env, timeoutMs: 2 * 60_000 });
    assert.equal(r.status, 0, describeRun(`offline: ${line}`, r));
    for (const bin of BINS) assert.ok(existsSync(path.join(prefix, 'bin', bin)), `${bin} installed offline`);
    const lint = await run('jobfamily-lint', ['--list-rules'], { env, timeoutMs: 30_000 });
    assert.equal(lint.status, 0, describeRun('jobfamily-lint --list-rules (offline install)', lint));
  });
});
