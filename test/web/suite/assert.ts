// The few assertions the web tests use: Node's `assert` is not in the browser's extension host.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (v: unknown): string => {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
};

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string): asserts actual is T {
  if (!Object.is(actual, expected)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string): void {
  if (Object.is(actual, expected)) throw new AssertionError(`${message ? `${message}: ` : ''}expected anything but ${show(expected)}`);
}

/** Equal as JSON: enough for the plain values the tests compare. */
export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  if (show(actual) !== show(expected)) throw new AssertionError(`${message ? `${message}: ` : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function match(actual: string, re: RegExp, message?: string): void {
  if (!re.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}${show(actual.slice(0, 400))} does not match ${String(re)}`);
}

export function doesNotMatch(actual: string, re: RegExp, message?: string): void {
  if (re.test(actual)) throw new AssertionError(`${message ? `${message}: ` : ''}${show(actual.slice(0, 400))} matches ${String(re)}`);
}
