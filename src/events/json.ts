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
  ancestors: Set<object> = new Set(),
): JsonProblem | undefined {
  const problem = (message: string): JsonProblem => ({ path, message })
  switch (typeof value) {
    case 'string': {
      const message = stringProblem(value)
      return message ? problem(message) : undefined
    }
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : problem(`${value} is not a finite number, which JSON cannot store`)
    case 'boolean':
      return undefined
    case 'bigint':
      return problem(
        'a BigInt cannot be stored as JSON: use a string or a number',
      )
    case 'undefined':
      return problem('undefined cannot be stored as JSON here')
    case 'function':
    case 'symbol':
      return problem(`a ${typeof value} cannot be stored as JSON`)
  }
  if (value === null) return undefined
  const object = value as object
  if (ancestors.has(object))
    return problem('a circular reference cannot be stored as JSON')
  const proto = Object.getPrototypeOf(object)
  if (!Array.isArray(object) && proto !== Object.prototype && proto !== null) {
    if (object instanceof Date)
      return problem(
        'a Date cannot be stored as JSON as it is: use an ISO string (z.iso.datetime())',
      )
    return problem(
      `a ${object.constructor?.name ?? 'class instance'} cannot be stored as JSON: use a plain object`,
    )
  }
  ancestors.add(object)
  try {
    for (const [key, child] of Object.entries(object)) {
      const childPath = path ? `${path}.${key}` : key
      const keyMessage = stringProblem(key)
      if (keyMessage)
        return { path: childPath, message: `the key is ${keyMessage}` }
      // An undefined property is dropped by JSON, like an absent optional field; in an array it is not.
      if (child === undefined && !Array.isArray(object)) continue
      const found = findJsonProblem(child, childPath, ancestors)
      if (found) return found
    }
  } finally {
    ancestors.delete(object)
  }
  return undefined
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
    for (const child of Object.values(value)) deepFreeze(child)
  }
  return value
}
