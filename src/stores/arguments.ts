import { InvalidArgumentError } from '../errors.ts'
import { describe, isPlainObject } from '../events/domain-event.ts'

/** Argument checks shared by the public API, so every method rejects bad input with the same clear words. */

export function requireText(
  method: string,
  name: string,
  value: unknown,
): asserts value is string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new InvalidArgumentError(
      `${method}: ${name} must be a non-empty string, got ${describe(value)}.`,
    )
  }
}

export function requireInteger(
  method: string,
  name: string,
  value: unknown,
  min: number,
  expected = `an integer of ${min} or more`,
): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < min
  ) {
    throw new InvalidArgumentError(
      `${method}: ${name} must be ${expected}, got ${describe(value)}.`,
    )
  }
}

export function requireDate(
  method: string,
  name: string,
  value: unknown,
): asserts value is Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime()))
    throw new InvalidArgumentError(
      `${method}: ${name} must be a valid Date, got ${describe(value)}.`,
    )
}

/** Checks an options object: a plain object with only the known keys. Returns it, or `{}` when undefined. */
export function requireOptions<T extends object>(
  method: string,
  value: T | undefined,
  known: readonly (keyof T & string)[],
): Partial<T> {
  if (value === undefined) return {}
  if (!isPlainObject(value))
    throw new InvalidArgumentError(
      `${method}: options must be an object, got ${describe(value)}.`,
    )
  const unknown = Object.keys(value).filter(
    (key) => !(known as readonly string[]).includes(key),
  )
  if (unknown.length > 0) {
    throw new InvalidArgumentError(
      `${method}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}. Known options: ${known.join(', ')}.`,
    )
  }
  return value
}

export function requireTextList(
  method: string,
  name: string,
  value: unknown,
): asserts value is readonly string[] | undefined {
  if (value === undefined) return
  if (
    !Array.isArray(value) ||
    value.some((item) => typeof item !== 'string' || item === '')
  ) {
    throw new InvalidArgumentError(
      `${method}: ${name} must be an array of non-empty strings, got ${describe(value)}.`,
    )
  }
}

/** Checks that `value` is an object with these methods, such as a store or a publisher passed in. */
export function requireMethods<T>(
  method: string,
  name: string,
  value: T | undefined,
  methods: readonly (keyof T & string)[],
): asserts value is T {
  if (
    value === null ||
    typeof value !== 'object' ||
    methods.some(
      (key) => typeof (value as Record<string, unknown>)[key] !== 'function',
    )
  )
    throw new InvalidArgumentError(
      `${method}: ${name} must be an object with ${methods.map((m) => `${m}()`).join(', ')}, got ${describe(value)}.`,
    )
}

/** Checks that a store of the processing tables was given the event store whose database it shares. */
export function requireStoreOf<T>(
  owner: string,
  store: unknown,
  storeClass: abstract new (...args: never[]) => T,
): asserts store is T {
  if (!(store instanceof storeClass))
    throw new InvalidArgumentError(
      `${owner} keeps its data in a ${storeClass.name}'s database: pass the store, got ${describe(store)}.`,
    )
}
