import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { OneWritePerMessage, oneWriteMessageWriter } from '../../server/src/node/stdio';
import { ROOT } from '../support/paths';

/** A stream that keeps each write it is given, as the pipe to the client sees them. */
function recorder(fail = false): { stream: Writable; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(Buffer.from(chunk));
      callback(fail ? new Error('the pipe is closed') : null);
    },
  });
  // A failed write also emits an error event; it is the caller's rejection that is asserted.
  stream.on('error', () => undefined);
  return { stream, writes };
}

describe('stdio: one write per message', () => {
  it('writes a message’s header and body together, each message once, in order', async () => {
    const { stream, writes } = recorder();
    const writer = oneWriteMessageWriter(stream);
    await writer.write({ jsonrpc: '2.0', id: 1, result: 'é' } as never);
    await writer.write({ jsonrpc: '2.0', method: 'x' } as never);
    assert.equal(writes.length, 2);
    const first = writes[0]!.toString('utf8');
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, result: 'é' });
    assert.equal(first, `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    assert.match(writes[1]!.toString('utf8'), /^Content-Length: \d+\r\n\r\n\{"jsonrpc":"2.0","method":"x"\}$/);
  });

  it('writes a held header before another string, and on end', async () => {
    const { stream, writes } = recorder();
    const out = new OneWritePerMessage(stream);
    await out.write('one ', 'ascii');
    await out.write('two ', 'ascii');
    assert.deepEqual(writes.map(String), ['one ']);
    out.end();
    assert.deepEqual(writes.map(String), ['one ', 'two ']);
  });

  it('passes a failed write on to the message writer', async () => {
    const { stream } = recorder(true);
    const out = new OneWritePerMessage(stream);
    await out.write('Content-Length: 2\r\n\r\n', 'ascii');
    await assert.rejects(out.write(Buffer.from('{}')), /the pipe is closed/);
  });

  it('the server ends with 0 when stdin closes after a shutdown request, and with 1 without one', async function () {
    this.timeout(20_000);
    const run = (shutdown: boolean): Promise<{ code: number | null; out: string }> =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString('utf8');
          if (out.includes('"id":2')) child.stdin.end();
        });
        child.once('error', reject);
        child.once('exit', (code) => resolve({ code, out }));
        const send = (m: object): void => {
          const body = JSON.stringify(m);
          child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        };
        send({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
        if (shutdown) send({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
        else setTimeout(() => child.stdin.end(), 500);
      });
    const clean = await run(true);
    assert.match(clean.out, /"id":1,"result":\{"capabilities"/);
    assert.equal(clean.code, 0);
    assert.equal((await run(false)).code, 1);
  });
});
