/** `node:assert/strict` in a browser: the assertions exercise checkers use, with Node's meaning. */
import { inspect, isDeepStrictEqual } from './util.ts'

export class AssertionError extends Error {
  override name = 'AssertionError'
}

function check(
  condition: boolean,
  message: string | Error | undefined,
  otherwise: () => string,
): asserts condition {
  if (condition) return
  if (message instanceof Error) throw message
  throw new AssertionError(message ?? otherwise())
}

function ok(value: unknown, message?: string | Error): asserts value {
  check(Boolean(value), message, () => `${inspect(value)} is not truthy`)
}

async function settled(
  work: (() => unknown) | Promise<unknown>,
): Promise<{ error: unknown } | undefined> {
  try {
    await (typeof work === 'function' ? work() : work)
    return undefined
  } catch (error) {
    return { error }
  }
}

/** Whether an error matches what `throws` and `rejects` were given to expect. */
function matches(error: unknown, expected: unknown): boolean {
  if (expected === undefined) return true
  if (expected instanceof RegExp) return expected.test(String(error))
  if (typeof expected === 'function')
    return error instanceof (expected as new () => unknown)
  return Object.entries(expected as object).every(([key, value]) => {
    const actual = (error as Record<string, unknown>)[key]
    return value instanceof RegExp
      ? value.test(String(actual))
      : isDeepStrictEqual(actual, value)
  })
}

const assert = Object.assign(ok, {
  AssertionError,
  ok,
  equal(actual: unknown, expected: unknown, message?: string | Error) {
    check(
      Object.is(actual, expected),
      message,
      () =>
        `Expected values to be strictly equal:\n${inspect(actual)} !== ${inspect(expected)}`,
    )
  },
  deepEqual(actual: unknown, expected: unknown, message?: string | Error) {
    check(
      isDeepStrictEqual(actual, expected),
      message,
      () =>
        `Expected values to be strictly deep-equal:\n${inspect(actual)}\nshould equal\n${inspect(expected)}`,
    )
  },
  fail(message: string | Error = 'Failed'): never {
    if (message instanceof Error) throw message
    throw new AssertionError(message)
  },
  throws(work: () => unknown, expected?: unknown, message?: string | Error) {
    let outcome: { error: unknown } | undefined
    try {
      work()
    } catch (error) {
      outcome = { error }
    }
    check(outcome !== undefined, message, () => 'Missing expected exception.')
    if (!matches(outcome.error, expected)) throw outcome.error
  },
  async rejects(
    work: (() => unknown) | Promise<unknown>,
    expected?: unknown,
    message?: string | Error,
  ) {
    const outcome = await settled(work)
    check(outcome !== undefined, message, () => 'Missing expected rejection.')
    if (!matches(outcome.error, expected)) throw outcome.error
  },
})

export default assert
