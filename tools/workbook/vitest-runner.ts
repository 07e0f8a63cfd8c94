/**
 * Runs vitest files in this process through vitest's Node API and returns plain results: which tests
 * passed, which failed, and each failure's message and stack frames (already source-mapped).
 */
import type { Reporter, SerializedError, TestModule, Vitest } from 'vitest/node'
import { TEST_CONDITIONS } from '../source-condition.ts'
import { absolutePath, repoPath, repoRoot } from './paths.ts'

export interface Frame {
  file: string
  line: number
  column: number
}

export interface Failure {
  message: string
  frames: Frame[]
}

export interface TestOutcome {
  /** The test file, relative to the repository. */
  file: string
  /** The suite names, outermost first, then the test's own name. */
  path: string[]
  state: 'passed' | 'failed' | 'skipped' | 'pending'
  failures: Failure[]
}

export interface RunReport {
  tests: TestOutcome[]
  /** Errors outside any test: a file that failed to load, a describe block that threw, an unhandled rejection. */
  errors: (Failure & { file?: string })[]
}

export interface RunOptions {
  /** Test files, absolute or relative to the repository. */
  files: string[]
  /** Environment variables for the test workers. */
  env?: Record<string, string>
  /** In watch mode, files (globs, relative to the repository) whose change re-runs every file: modules the tests import by a computed path, which vitest cannot trace. */
  rerunOn?: string[]
  /**
   * Called when a run stops moving: no test file loaded or finished and no test ended for `stuckAfterMs`.
   * That is a test stuck in a loop that never yields to the event loop, which no test timeout can stop; a
   * long run on a busy machine keeps moving. Gets the test files that had not finished. The caller reports
   * it and exits the process, which ends the workers too (they are threads of this process).
   */
  onStuck?: (unfinished: string[]) => void
  stuckAfterMs?: number
  /** How long one test may take (default 30 s). */
  testTimeout?: number
  /** How many test files run at once (default: vitest's choice for the machine's cores). */
  maxWorkers?: number
}

export async function runTests(options: RunOptions): Promise<RunReport> {
  let report: RunReport = { tests: [], errors: [] }
  const exitCode = process.exitCode
  const vitest = await startVitest(options, false, (next) => (report = next))
  await vitest.close()
  process.exitCode = exitCode // vitest sets it when a test fails; failing is what callers decide
  return report
}

/** Runs the files, then again whenever they or a module they import changes, until `close()`. */
export async function watchTests(
  options: RunOptions,
  onReport: (report: RunReport) => void,
): Promise<{ rerun(): Promise<void>; close(): Promise<void> }> {
  const vitest = await startVitest(options, true, onReport)
  return {
    rerun: async () => {
      await vitest.rerunTestSpecifications(
        await vitest.globTestSpecifications(),
      )
    },
    close: () => vitest.close(),
  }
}

async function startVitest(
  options: RunOptions,
  watch: boolean,
  onReport: (report: RunReport) => void,
): Promise<Vitest> {
  const include = options.files.map((file) => repoPath(absolutePath(file)))
  const { onStuck, stuckAfterMs = 60_000 } = options
  const unfinished = new Set<string>()
  let watchdog: NodeJS.Timeout | undefined
  const moved = () => {
    clearTimeout(watchdog)
    if (onStuck)
      watchdog = setTimeout(() => onStuck([...unfinished]), stuckAfterMs)
  }
  const reporter: Reporter = {
    onTestRunStart: moved,
    onTestModuleQueued: (module) => {
      unfinished.add(repoPath(module.moduleId))
      moved()
    },
    onTestModuleCollected: moved,
    onTestCaseResult: moved,
    onTestModuleEnd: (module) => {
      unfinished.delete(repoPath(module.moduleId))
      moved()
    },
    onTestRunEnd: (modules, unhandled) => {
      clearTimeout(watchdog)
      onReport(toReport(modules, unhandled))
    },
  }
  // Loaded when a run starts: the commands that only read the course (hint, progress) never wait for it.
  const { createVitest } = await import('vitest/node')
  const vitest = await createVitest(
    'test',
    {
      root: repoRoot,
      config: false,
      include,
      watch,
      pool: 'threads',
      maxWorkers: options.maxWorkers,
      reporters: [reporter],
      env: options.env,
      forceRerunTriggers: (options.rerunOn ?? []).map(absolutePath),
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 60_000,
      silent: true,
    },
    // The checks import the library by its package name, from source.
    { ssr: { resolve: { conditions: [...TEST_CONDITIONS] } } },
  )
  await vitest.start()
  return vitest
}

function toReport(
  modules: readonly TestModule[],
  unhandled: readonly SerializedError[],
): RunReport {
  const tests: TestOutcome[] = []
  const errors: RunReport['errors'] = unhandled.map(toFailure)
  for (const module of modules) {
    const file = repoPath(module.moduleId)
    errors.push(
      ...module.errors().map((error) => ({ ...toFailure(error), file })),
    )
    for (const test of module.children.allTests()) {
      const path: string[] = []
      for (
        let parent = test.parent;
        parent.type === 'suite';
        parent = parent.parent
      )
        path.unshift(parent.name)
      const result = test.result()
      tests.push({
        file,
        path: [...path, test.name],
        state: result.state,
        failures: (result.errors ?? []).map(toFailure),
      })
    }
  }
  return { tests, errors }
}

function toFailure(error: SerializedError): Failure {
  const frames = (error.stacks ?? []).map(({ file, line, column }) => ({
    file,
    line,
    column,
  }))
  return { message: error.message, frames }
}
