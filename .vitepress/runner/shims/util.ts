/** `node:util` in a browser, for lesson code: what lessons take from it. */
import { equals } from '@vitest/expect'

/** Deep equality with the same values and prototypes, as Node's isDeepStrictEqual. */
export function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  return equals(a, b, [], true)
}

/** Text for console.log's arguments, as Node prints them (strings as they are, the rest as JSON). */
export function format(...values: unknown[]): string {
  return values
    .map((value) =>
      typeof value === 'string'
        ? value
        : value instanceof Error
          ? (value.stack ?? String(value))
          : (JSON.stringify(value, (_key, item: unknown) =>
              typeof item === 'bigint' ? `${item}n` : item,
            ) ?? String(value)),
    )
    .join(' ')
}
