import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordFigure } from '../support/figures';
import { copyOfExamples, LspClient, PULL_CLIENT, uriOf } from '../support/lspClient';
import { completion, hover } from '../support/lspRequests';
import { ROOT } from '../support/paths';
import { LIBC_FILES, nodeBaseline, readTrace, straceAvailable, straceWrapper, type Trace } from '../support/strace';

/** Pages that try to make the service read outside the workspace. */
const ESCAPES = [
  '',
  '- [passwd](/../../../../../../etc/passwd) and [hosts](../../../../../../../etc/hosts#x)',
  '- [ref]({{< ref "/../../../../../../etc/hostname" >}}) and [home](/handbook/../../../../root/.bashrc)',
  '- [abs](file:///etc/shadow) and [web](https://example.com/handbook/values/)',
  '',
].join('\n');

interface Allowed {
  readonly exact: ReadonlySet<string>;
  readonly prefixes: readonly string[];
}

/**
 * What a run may open: what Node opens for a plain script on this machine (its binary,
 * libraries, OpenSSL's config and CA file, /proc and cgroup files), the few files glibc
 * reads on its own, the package's bundle and the package.json lookups Node makes for it,
 * the package's node_modules, /dev and /proc/self, and the workspace. Nothing else.
 */
function allowed(baseline: Trace, workspace: string): Allowed {
  return {
    exact: new Set([...baseline.opens.map((o) => o.path), ...LIBC_FILES, path.join(ROOT, 'package.json'), path.join(ROOT, 'dist', 'package.json')]),
    prefixes: [`${path.join(ROOT, 'dist')}/`, `${path.join(ROOT, 'node_modules')}/`, '/dev/', '/proc/self/', `${workspace}/`],
  };
}

function violations(trace: Trace, allow: Allowed, workspace: string): string[] {
  const out: string[] = [];
  for (const o of trace.opens) {
    if (o.path === workspace || allow.exact.has(o.path) || allow.prefixes.some((p) => o.path.startsWith(p))) continue;
    out.push(`open outside: ${o.line}`);
  }
  for (const n of trace.network) {
    // The stdio pipes Node was given are AF_UNIX socket pairs made by the parent; Node looks at them (getsockname, getsockopt).
    const onStdio = /^\w+\(([012]),/.test(n.line) && (n.family === 'AF_UNIX' || n.family === 'fd');
    if (!onStdio) out.push(`socket call: ${n.line}`);
  }
  for (const e of trace.execs) if (!e.includes(`"${process.execPath}"`) && !/execve\("[^"]*\/node"/.test(e)) out.push(`program started: ${e}`);
  return out;
}

describe('no network, no reads outside the workspace (strace)', function () {
  this.timeout(120_000);
  let baseline: Trace;

  before(() => {
    assert.ok(straceAvailable(), 'strace is installed (the Debian package strace; .ci/run installs it)');
    baseline = nodeBaseline();
  });

  it("measures what Node itself opens: no socket of its own", () => {
    assert.ok(baseline.opens.some((o) => o.path === process.execPath || o.path.endsWith('/node')), 'the trace sees the node binary');
    assert.deepEqual(baseline.network.filter((n) => /^(socket|socketpair|connect|bind)$/.test(n.call)), []);
  });

  it('jobfamily-lint on a copy of examples/handbook', () => {
    const hb = copyOfExamples();
    writeFileSync(path.join(hb, 'content', 'job-families', 'engineering', 'escapes.md'), `---\ntitle: "Escapes"\n---\n\n${ESCAPES}`);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jfa-strace-cli-'));
    const prefix = path.join(dir, 'cli');
    const [cmd, ...args] = straceWrapper(prefix);
    const r = spawnSync(cmd!, [...args, process.execPath, path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', 'content/job-families'], { cwd: hb, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    assert.ok((JSON.parse(r.stdout) as unknown[]).length > 0, 'the CLI reported findings');
    const trace = readTrace(prefix, hb);
    const inside = trace.opens.filter((o) => o.path.startsWith(`${hb}/`) && o.ok).length;
    assert.ok(inside >= 5, `the trace shows the CLI reading the workspace (${inside} opens)`);
    const bad = violations(trace, allowed(baseline, hb), hb);
    recordFigure('sandbox', 'cli', { opens: trace.opens.length, inWorkspace: inside, violations: bad.length });
    assert.deepEqual(bad, []);
  });

  it('the language server over stdio: open, pull diagnostics, hover, completion', async () => {
    const hb = copyOfExamples();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'jfa-strace-server-'));
    const prefix = path.join(dir, 'server');
    const client = new LspClient(straceWrapper(prefix));
    const exited = new Promise((resolve) => client.process.once('exit', resolve));
    try {
      await client.initialize(hb, PULL_CLIENT);
      // The whole handbook index is read before anything is asked, so every read it makes is in the trace.
      for (let i = 0; i < 600 && !client.logs.some((l) => l.startsWith('Handbook index:')); i++) await new Promise((r) => setTimeout(r, 50));
      assert.ok(client.logs.some((l) => l.startsWith('Handbook index:')), `the index was built: ${client.logs.join(' | ')}`);
      const file = path.join(hb, 'content/job-families/engineering/backend-engineer.md');
      const uri = uriOf(file);
      const text = `${readFileSync(file, 'utf8')}\n${ESCAPES}`;
      await client.open(uri, text);
      const report = await client.pull(uri);
      assert.ok(report.items.length > 0, 'the escaping links are reported');
      const lines = text.split('\n');
      const line = lines.findIndex((l) => l.startsWith('The Senior Backend Engineer is a'));
      assert.ok(await hover(client, uri, { line, character: lines[line]!.indexOf('[grade 7]') + 2 }));
      assert.ok(await completion(client, uri, { line, character: 'The Senior Backend Engineer is a '.length }));
      const escape = lines.findIndex((l) => l.includes('/etc/passwd'));
      await hover(client, uri, { line: escape, character: lines[escape]!.indexOf('/etc/passwd') });
      await completion(client, uri, { line: escape, character: lines[escape]!.indexOf('passwd') });
      await client.connection.sendRequest('shutdown');
      await client.connection.sendNotification('exit');
      await exited;
    } finally {
      client.connection.dispose();
      client.process.kill();
    }
    const trace = readTrace(prefix, hb);
    const inside = trace.opens.filter((o) => o.path.startsWith(`${hb}/`) && o.ok).length;
    assert.ok(inside >= 5, `the trace shows the server indexing the workspace (${inside} opens)`);
    const bad = violations(trace, allowed(baseline, hb), hb);
    recordFigure('sandbox', 'server', { opens: trace.opens.length, inWorkspace: inside, violations: bad.length });
    assert.deepEqual(bad, []);
  });
});
