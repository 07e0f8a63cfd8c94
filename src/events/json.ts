/** JSON values: what payloads and metadata may hold, so every store keeps them exactly. */
export type JsonPrimitive = string | number | boolean | null
export type JsonValue =
  JsonPrimitive | JsonValue[] | { [key: string]: JsonValue | undefined }
export type JsonObject = { [key: string]: JsonValue | undefined }

export interface JsonProblem {
  /** Dotted path below the checked value, empty for the value itself. */
  readonly path: string
  readonly message: string
}

/**
 * The first reason `value` cannot be stored as JSON, or undefined when it can. Strings must be well-formed
 * Unicode without NUL (PostgreSQL stores neither), numbers finite, and objects plain.
 */
export function findJsonProblem(
  value: unknown,
  path = '',
): JsonProblem | undefined {
  return problemIn(value, path, undefined)
}

/** `ancestors`: the objects above `value`, on a list made only when the walk first goes below an object. */
function problemIn(
  value: unknown,
  path: string,
  ancestors: object[] | undefined,
): JsonProblem | undefined {
  const message = primitiveProblem(value)
  if (message !== undefined) return { path, message }
  if (value === null || typeof value !== 'object') return undefined
  if (ancestors?.includes(value))
    return { path, message: 'a circular reference cannot be stored as JSON' }
  const isArray = Array.isArray(value)
  const proto = Object.getPrototypeOf(value)
  if (!isArray && proto !== Object.prototype && proto !== null)
    return {
      path,
      message:
        value instanceof Date
          ? 'a Date cannot be stored as JSON as it is: use an ISO string (z.iso.datetime())'
          : `a ${value.constructor?.name ?? 'class instance'} cannot be stored as JSON: use a plain object`,
    }
  const object = value as Record<string, unknown>
  let below = ancestors
  // for…in walks a plain object or an array without building a list of its keys; JSON keeps own keys only.
  for (const key in object) {
    if (!Object.hasOwn(object, key)) continue
    const child = object[key]
    const keyMessage = stringProblem(key)
    if (keyMessage)
      return { path: join(path, key), message: `the key is ${keyMessage}` }
    // An undefined property is dropped by JSON, like an absent optional field; in an array it is not.
    if (child === undefined && !isArray) continue
    // A storable primitive needs no path: one is built only for a problem or a nested value.
    if (
      (child === null || typeof child !== 'object') &&
      primitiveProblem(child) === undefined
    )
      continue
    below ??= []
    below.push(object)
    const found = problemIn(child, join(path, key), below)
    below.pop()
    if (found) return found
  }
  return undefined
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key
}

/** Why a value that is no object cannot be stored as JSON; undefined for objects and storable values. */
function primitiveProblem(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return stringProblem(value)
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : `${value} is not a finite number, which JSON cannot store`
    case 'bigint':
      return 'a BigInt cannot be stored as JSON: use a string or a number'
    case 'undefined':
      return 'undefined cannot be stored as JSON here'
    case 'function':
    case 'symbol':
      return `a ${typeof value} cannot be stored as JSON`
    default:
      return undefined
  }
}

/** Why a string cannot be stored by every backend, or undefined. */
export function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000'))
    return 'a string with a NUL character (\\u0000), which PostgreSQL cannot store'
  if (!value.isWellFormed())
    return 'a string with a lone UTF-16 surrogate, which is not valid Unicode'
  return undefined
}

/** Deep-freezes a JSON value in place and returns it. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    // for…in walks a plain object or an array without building a list of its values.
    for (const key in value) {
      const child: unknown = value[key]
      if (child !== null && typeof child === 'object') deepFreeze(child)
    }
  }
  return value
}
