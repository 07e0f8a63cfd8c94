/**
 * `vitest` in the check worker: what exercise checkers use of it (describe, test, expect, onTestFinished),
 * collected as vitest collects (a describe may be async) and run one test after another.
 */
import {
  chai,
  getState,
  JestAsymmetricMatchers,
  JestChaiExpect,
  JestExtend,
  setState,
  type ExpectStatic,
} from '@vitest/expect'

chai.use(JestExtend)
chai.use(JestChaiExpect)
chai.use(JestAsymmetricMatchers)

export const expect = ((value: unknown, message?: string) => {
  const { assertionCalls } = getState(expect)
  setState({ assertionCalls: assertionCalls + 1 }, expect)
  return chai.expect(value, message)
}) as ExpectStatic
Object.assign(expect, chai.expect)
setState({ assertionCalls: 0 }, expect)

type Body = () => unknown

interface Suite {
  kind: 'suite'
  name: string
  body: Body
  children: (Suite | Test)[]
}

interface Test {
  kind: 'test'
  name: string
  body: Body
  timeout?: number
}

/** A test's outcome, with the names of the describe blocks around it. */
export interface TestResult {
  path: string[]
  name: string
  passed: boolean
  message?: string
}

const top: Suite = { kind: 'suite', name: '', body: () => {}, children: [] }
let collecting = top
let finished: Body[] | undefined

export function describe(name: string, body: Body): void {
  collecting.children.push({ kind: 'suite', name, body, children: [] })
}

export function test(name: string, body: Body, timeout?: number): void {
  collecting.children.push({ kind: 'test', name, body, timeout })
}

/** Runs `cleanup` when the test in hand ends, passed or failed. */
export function onTestFinished(cleanup: Body): void {
  if (!finished) throw new Error('onTestFinished() is for inside a test.')
  finished.push(cleanup)
}

const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : String(error)

/** Fails after `ms` unless `work` settles first. */
async function within(ms: number, work: Promise<unknown>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Test timed out in ${ms}ms.`)),
      ms,
    )
  })
  try {
    await Promise.race([work, timeout])
  } finally {
    clearTimeout(timer)
  }
}

async function runTest(
  entry: Test,
  path: string[],
  timeout: number,
): Promise<TestResult> {
  finished = []
  let failure: unknown
  try {
    await within(entry.timeout ?? timeout, Promise.resolve().then(entry.body))
  } catch (error) {
    failure = error
  }
  for (const cleanup of finished.reverse()) {
    try {
      await cleanup()
    } catch (error) {
      failure ??= error
    }
  }
  finished = undefined
  return failure === undefined
    ? { path, name: entry.name, passed: true }
    : { path, name: entry.name, passed: false, message: messageOf(failure) }
}

/**
 * Collects the tests that the modules imported so far declared, then runs them in order, handing each
 * outcome to `report` as it comes. A describe block that throws fails as a test of its own.
 */
export async function runCollected(
  report: (result: TestResult) => void,
  timeout: number,
): Promise<void> {
  async function visit(suite: Suite, path: string[]): Promise<void> {
    for (const child of suite.children) {
      if (child.kind === 'test') {
        report(await runTest(child, path, timeout))
        continue
      }
      collecting = child
      try {
        await child.body()
      } catch (error) {
        report({
          path,
          name: child.name,
          passed: false,
          message: messageOf(error),
        })
        continue
      } finally {
        collecting = top
      }
      await visit(child, [...path, child.name])
    }
  }
  await visit(top, [])
}
