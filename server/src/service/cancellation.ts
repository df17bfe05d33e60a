/** The least the service needs of a cancellation token: what LSP's `CancellationToken` has. */
export interface CancellationLike {
  readonly isCancellationRequested: boolean;
}

export const NEVER_CANCELLED: CancellationLike = Object.freeze({ isCancellationRequested: false });

/** Thrown out of long work when its token is cancelled; hosts answer "cancelled", never an error. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/**
 * Whether `e` is a CancelledError. By name, not `instanceof`: the Node server loads the service
 * from a bundle of its own, which has its own copy of the class.
 */
export function isCancelledError(e: unknown): boolean {
  return e instanceof Error && e.name === 'CancelledError';
}

export function throwIfCancelled(token: CancellationLike): void {
  if (token.isCancellationRequested) throw new CancelledError();
}

/** Either token cancels. */
export function either(a: CancellationLike, b: CancellationLike): CancellationLike {
  return { get isCancellationRequested() { return a.isCancellationRequested || b.isCancellationRequested; } };
}

/**
 * Lets the host's event loop run (a newer edit, a cancel request, a hover on another page)
 * in the middle of long work. Node uses `setImmediate`, a browser a zero timeout.
 */
export type Pause = () => Promise<void>;

/** Time-slices long work: `maybePause()` pauses once the slice is used up, then checks the token. */
export class Slicer {
  readonly #pause: Pause;
  readonly #now: () => number;
  readonly #token: CancellationLike;
  readonly #sliceMs: number;
  #start: number;

  constructor(pause: Pause, now: () => number, token: CancellationLike, sliceMs = 8) {
    this.#pause = pause;
    this.#now = now;
    this.#token = token;
    this.#sliceMs = sliceMs;
    this.#start = now();
  }

  async maybePause(): Promise<void> {
    throwIfCancelled(this.#token);
    if (this.#now() - this.#start < this.#sliceMs) return;
    await this.#pause();
    this.#start = this.#now();
    throwIfCancelled(this.#token);
  }
}
