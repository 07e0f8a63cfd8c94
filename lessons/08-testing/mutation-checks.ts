/**
 * For the checkers of exercises whose answer is a test suite. The suite is a
 * function of the class it tests; it runs on the real class and on mutants,
 * copies of it with one rule broken, in a describe block named "probes"
 * (the report shows neither these runs nor their failures). Then the checks
 * read the results: every test passes on the real class, and each mutant
 * fails a test that passes on the real one.
 */
import assert from 'node:assert/strict'
import {
  describe,
  test,
  type RunnerTask,
  type RunnerTestCase,
  type RunnerTestSuite,
} from 'vitest'
import {
  checkTargets,
  importTarget,
} from '../../tools/workbook/check-targets.ts'

/** A copy of the code under test with one rule broken. */
export interface Mutant<C> {
  /** A short name, such as `completes-twice`. */
  name: string
  subject: C
  /** What it does wrong: `complete() completes a completed task again`. */
  does: string
  /** The rule left untested when no test catches it. */
  rule: string
  /** How a test would catch it, in the learner's terms. */
  howToCatch: string
}

const PROBES = 'probes'
const REAL = 'real'

/** What a checker checks: the answer's suite, on a class and its mutants. */
export interface MutationChecks<M, C extends { name: string }> {
  /** The exercise, such as `08-1`. */
  exercise: string
  /** The suite's name in the answer's module, such as `describeTaskBoard`. */
  suiteName: string
  /** The answer's suite, from its module. */
  suite: (answer: M) => (subject: C) => void
  real: C
  mutants: readonly Mutant<C>[]
}

/**
 * Checks each answer to `exercise`: imports it (which runs its suite on the
 * real class, as the answer's own tests), runs the suite again on the real
 * class and on each mutant, then checks what those runs found.
 */
export async function describeMutationChecks<M, C extends { name: string }>(
  checks: MutationChecks<M, C>,
): Promise<void> {
  const { real, mutants } = checks
  for (const target of await checkTargets(checks.exercise)) {
    describe(target.label, async () => {
      const loaded = await importTarget<M>(target)
      if ('error' in loaded) {
        describe('checks', () =>
          test('the file loads', () => Promise.reject(loaded.error)))
        return
      }
      describeProbes(checks.suite(loaded.module), real, mutants)

      describe('checks', () => {
        test(`your tests pass on the real ${real.name}`, ({ task }) =>
          assertPassesOnReal(task, checks.suiteName, real.name))

        for (const mutant of mutants)
          test(`catches ${mutant.name}: ${mutant.rule}`, ({ task }) =>
            assertCatches(task, mutant, real.name))
      })
    })
  }
}

/** Registers `suite` once on the real subject and once on each mutant. */
function describeProbes<C>(
  suite: (subject: C) => void,
  real: C,
  mutants: readonly Mutant<C>[],
): void {
  describe(PROBES, () => {
    const subjects: [string, C][] = [
      [REAL, real],
      ...mutants.map((m): [string, C] => [m.name, m.subject]),
    ]
    for (const [name, subject] of subjects)
      describe(name, () => {
        try {
          suite(subject)
        } catch (error) {
          test('registers its tests', () => Promise.reject(error))
        }
      })
  })
}

interface Outcome {
  name: string
  passed: boolean
  failed: boolean
  message: string
}

function testsIn(task: RunnerTask): RunnerTestCase[] {
  return task.type === 'suite' ? task.tasks.flatMap(testsIn) : [task]
}

/** How each test of the suite did on one subject, in the order defined. */
function outcomes(check: RunnerTestCase, subject: string): Outcome[] {
  let suite: RunnerTestSuite | undefined = check.suite
  let probes: RunnerTask | undefined
  while (suite && !probes) {
    probes = suite.tasks.find((task) => task.name === PROBES)
    suite = suite.suite
  }
  const block =
    probes?.type === 'suite'
      ? probes.tasks.find((task) => task.name === subject)
      : undefined
  if (!block) throw new Error(`The checker ran no probe "${subject}".`)
  return testsIn(block).map((test) => ({
    name: test.name,
    passed: test.result?.state === 'pass',
    failed: test.result?.state === 'fail',
    message: test.result?.errors?.[0]?.message?.split('\n')[0] ?? '',
  }))
}

/** Fails unless the suite has tests and each passes on the real code. */
function assertPassesOnReal(
  check: RunnerTestCase,
  suiteName: string,
  real: string,
): void {
  const tests = outcomes(check, REAL)
  assert.ok(
    tests.length > 0,
    `${suiteName}() defines no test. An empty suite passes on any code, ` +
      'and catches no bug: write the tests its TODOs describe.',
  )
  const failing = tests.filter((test) => !test.passed)
  const [first] = failing
  if (first === undefined) return
  // An unfinished test says so first: that is what the learner needs.
  if (first.message.startsWith('TODO:')) assert.fail(first.message)
  assert.fail(
    `${failing.length} of your ${tests.length} tests ` +
      `${failing.length === 1 ? 'fails' : 'fail'} on ${real}, ` +
      `which has no bug: "${first.name}" fails with ` +
      `${first.message.replace(/\.+$/, '') || 'no message'}. A test must ` +
      'pass on the right code before it can tell broken code from it: ' +
      'fix that test.',
  )
}

/** Fails unless a test that passes on the real code fails on `mutant`. */
function assertCatches<C>(
  check: RunnerTestCase,
  mutant: Mutant<C>,
  real: string,
): void {
  const onReal = outcomes(check, REAL)
  const onMutant = outcomes(check, mutant.name)
  const catching = onMutant.filter(
    (test, index) => test.failed && onReal[index]?.passed,
  )
  assert.ok(
    catching.length > 0,
    `No test of yours fails on a copy of ${real} whose ${mutant.does}: ` +
      `the rule "${mutant.rule}" goes untested. ${mutant.howToCatch}`,
  )
}
