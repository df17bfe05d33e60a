import { promises as fs } from 'node:fs';

/**
 * Reads the pages' bytes a few files ahead of the one being checked, so that the disk
 * works while the rules run instead of the rules waiting for the disk, file after file.
 * At most `window` files are held at once.
 */
export class ReadAhead {
  readonly #paths: readonly string[];
  readonly #window: number;
  readonly #pending = new Map<number, Promise<Buffer>>();
  #next = 0;

  constructor(paths: readonly string[], window = 16) {
    this.#paths = paths;
    this.#window = window;
  }

  /** The bytes of the i-th path; the paths must be asked for in order. */
  bytes(i: number): Promise<Buffer> {
    for (this.#next = Math.max(this.#next, i); this.#next < Math.min(i + this.#window, this.#paths.length); this.#next++) {
      const read = fs.readFile(this.#paths[this.#next]!);
      // A failed read is reported when its page is reached, not as an unhandled rejection before.
      read.catch(() => undefined);
      this.#pending.set(this.#next, read);
    }
    const read = this.#pending.get(i) ?? fs.readFile(this.#paths[i]!);
    this.#pending.delete(i);
    return read;
  }
}
