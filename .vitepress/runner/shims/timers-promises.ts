/** `node:timers/promises` in a browser: a timer as a promise. */
export function setTimeout<T = void>(ms?: number, value?: T): Promise<T> {
  return new Promise((resolve) => globalThis.setTimeout(resolve, ms, value))
}
