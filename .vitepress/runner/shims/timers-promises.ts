/** `node:timers/promises` in a browser, for lesson code: what lessons take from it. */

/** Resolves with `value` after `delay` milliseconds, as Node's does. */
export function setTimeout<T = void>(delay = 1, value?: T): Promise<T> {
  return new Promise((resolve) =>
    globalThis.setTimeout(() => resolve(value as T), delay),
  )
}
