import { format } from 'node:util';
import { createConnection, Disposable, ProposedFeatures, StreamMessageReader, WriteableStreamMessageWriter, type Connection, type MessageWriter, type RAL } from 'vscode-languageserver/node';

/**
 * The client's end of a stdio connection wakes up on every write to the pipe, and each wake-up
 * costs a write system call a good part of a millisecond on a small machine. The writer of
 * vscode-jsonrpc writes a message's header and its body apart; this stream holds the header
 * and writes it with the body, so a message is one write.
 */
export class OneWritePerMessage implements RAL.WritableStream {
  #header: { readonly text: string; readonly encoding: RAL.MessageBufferEncoding | undefined } | undefined;

  constructor(private readonly stream: NodeJS.WritableStream) {}

  onClose(listener: () => void): Disposable {
    this.stream.on('close', listener);
    return Disposable.create(() => this.stream.off('close', listener));
  }

  onError(listener: (error: unknown) => void): Disposable {
    this.stream.on('error', listener);
    return Disposable.create(() => this.stream.off('error', listener));
  }

  onEnd(listener: () => void): Disposable {
    this.stream.on('end', listener);
    return Disposable.create(() => this.stream.off('end', listener));
  }

  write(data: Uint8Array | string, encoding?: RAL.MessageBufferEncoding): Promise<void> {
    if (typeof data === 'string') {
      // A header: kept for the body that follows it (two strings in a row are written in turn).
      const held = this.#header;
      this.#header = { text: data, encoding };
      return held === undefined ? Promise.resolve() : this.#write(bytes(held));
    }
    const held = this.#header;
    this.#header = undefined;
    return this.#write(held === undefined ? data : Buffer.concat([bytes(held), data]));
  }

  end(): void {
    const held = this.#header;
    this.#header = undefined;
    if (held !== undefined) this.stream.write(bytes(held));
    this.stream.end();
  }

  #write(data: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.write(data, (error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}

/** A message writer over stdout (or any stream) that writes each message in one piece. */
export function oneWriteMessageWriter(stream: NodeJS.WritableStream): MessageWriter {
  return new WriteableStreamMessageWriter(new OneWritePerMessage(stream));
}

function bytes(s: { readonly text: string; readonly encoding: RAL.MessageBufferEncoding | undefined }): Buffer {
  return Buffer.from(s.text, s.encoding === 'ascii' ? 'latin1' : 'utf8');
}

/**
 * The server's connection over stdin and stdout (`--stdio`), each message written in one
 * piece. What createConnection does for `--stdio` on its own is done here too: the process
 * ends when stdin does (0 after a shutdown request, else 1), and console output goes to
 * stderr, since stdout carries the protocol.
 */
export function stdioConnection(): Connection {
  const connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), oneWriteMessageWriter(process.stdout));
  let shutdown = false;
  connection.onShutdown(() => {
    shutdown = true;
  });
  const exit = (): never => process.exit(shutdown ? 0 : 1);
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  for (const name of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    // eslint-disable-next-line no-console -- replacing console output, not writing any
    console[name] = (...args: unknown[]): void => {
      process.stderr.write(`${format(...args)}\n`);
    };
  }
  return connection;
}
