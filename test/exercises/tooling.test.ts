/** The learner's tooling: verify, hint, progress and watch, as a learner runs them, on a progress file of the test's own. */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { FROM_SOURCE } from '../../tools/source-condition.ts'
import type { AnswerReport } from '../../tools/workbook/checks.ts'
import { findExercise } from '../../tools/workbook/exercises.ts'
import { repoRoot } from '../../tools/workbook/paths.ts'
import { colorEnabled } from '../../tools/workbook/style.ts'
import { tsx, workbook } from '../lessons/run-workbook.ts'

const dir = mkdtempSync(join(tmpdir(), 'workbook-state-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
let files = 0
/** A fresh progress file, so the learner's own .workbook/progress.json is never touched. */
const freshState = () => ({
  WORKBOOK_STATE: join(dir, `progress-${++files}.json`),
})
const readState = (env: { WORKBOOK_STATE: string }) =>
  JSON.parse(readFileSync(env.WORKBOOK_STATE, 'utf8'))

describe('npm run verify', () => {
  it('says which checks of the stub fail, why, and where, and records the attempt', async () => {
    const env = freshState()
    const { code, stdout } = await workbook('verify', ['12-1'], { env })
    expect(code).toBe(1)
    expect(stdout).toContain(
      'Your file: lessons/12-sqlite/exercises/12-1-fixtures.test.ts',
    )
    expect(stdout).toMatch(
      /^ {2}✗ saves a new note at version 1\n {6}TODO: the eventStore fixture\. Replace the todo\(\.\.\.\) call with your code\.\n {6}at lessons\/12-sqlite\/exercises\/12-1-fixtures\.test\.ts:\d+$/m,
    )
    expect(stdout).toMatch(
      /^ {2}✗ eventStore is a new SQLiteEventStore on ":memory:", initialized\n {6}\(the same error as "saves a new note at version 1"\)$/m,
    )
    expect(stdout).toMatch(
      /✗ 12-1: 0 of \d+ checks pass\.\nFix first: eventStore is a new SQLiteEventStore/,
    )
    expect(stdout).toContain('Stuck? npm run hint 12-1 shows hint 1 of')
    expect(readState(env)['12-1']).toMatchObject({
      done: false,
      passed: 0,
      hintsShown: 0,
    })
  }, 60_000)

  it("checks the reference solution with --solution, without recording it as the learner's", async () => {
    const env = freshState()
    const { code, stdout } = await workbook('verify', ['12-3', '--solution'], {
      env,
    })
    expect(code).toBe(0)
    expect(stdout).toContain(
      'Reference solution: solutions/12-sqlite/12-3-migration.ts',
    )
    expect(stdout).toMatch(/✓ 12-3 passes all \d+ checks\./)
    expect(() => readState(env)).toThrow() // no progress file written
  }, 60_000)

  it('checks every exercise with no id, and details the first that fails', async () => {
    const env = freshState()
    const { code, stdout } = await workbook('verify', [], { env })
    expect(code).toBe(1)
    expect(stdout).toMatch(/^✗ 12-1 {2}Vitest fixtures/m)
    expect(stdout).toMatch(/^✗ 12-3 {2}A resumable batch migration/m)
    expect(stdout).toContain('Exercise 12-1 · ')
    expect(Object.keys(readState(env))).toEqual(
      expect.arrayContaining(['12-1', '12-3']),
    )
  }, 60_000)

  it('ends, and says why, when an answer loops for ever without yielding', async () => {
    const { code, stderr } = await tsx(
      'test/exercises/run-checks.ts',
      [JSON.stringify({ '12-3': ['test/exercises/wrong/12-3-never-ends.ts'] })],
      {
        env: { WORKBOOK_STUCK_AFTER_MS: '3000' },
      },
    )
    expect(code).toBe(1)
    expect(stderr).toContain(
      'The checks did not finish within 3 s: a loop in test/exercises/wrong/12-3-never-ends.ts probably never ends.',
    )
  }, 60_000)

  it('lists the exercises for an unknown one', async () => {
    const { code, stderr } = await workbook('verify', ['12-9'], {
      env: freshState(),
    })
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /There is no exercise "12-9"\. Exercises: 12-1, .*12-3\./,
    )
  })

  it('re-checks on save with --watch', async () => {
    const stub = join(repoRoot, findExercise('12-3').file)
    const child = spawn(
      process.execPath,
      [
        ...FROM_SOURCE,
        join(repoRoot, 'tools/workbook/verify.ts'),
        '12-3',
        '--watch',
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, ...freshState(), FORCE_COLOR: undefined },
      },
    )
    let output = ''
    const runs = () =>
      output.split('Watching lessons/12-sqlite/exercises/12-3-migration.ts')
        .length - 1
    const until = (count: number) =>
      vi.waitFor(
        () => {
          if (runs() < count) throw new Error(`${runs()} runs so far`)
        },
        { timeout: 30_000, interval: 100 },
      )
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    try {
      await until(1)
      const now = new Date()
      utimesSync(stub, now, now) // a save, as an editor makes it
      await until(2)
      expect(output.match(/Exercise 12-3 · /g)!.length).toBeGreaterThanOrEqual(
        2,
      )
    } finally {
      child.kill()
    }
  }, 60_000)
})

describe('npm run hint', () => {
  it('shows the next hint each time, remembers it, and points to the solution after the last', async () => {
    const env = freshState()
    const first = await workbook('hint', ['12-1'], { env })
    expect(first.stdout).toMatch(/Hint 1 of (\d+)/)
    const total = Number(/Hint 1 of (\d+)/.exec(first.stdout)![1])
    expect(first.stdout).toContain('Run npm run hint 12-1 again for hint 2.')
    expect((await workbook('hint', ['12-1'], { env })).stdout).toMatch(
      /Hint 2 of \d+/,
    )
    expect(readState(env)['12-1'].hintsShown).toBe(2)
    const again = await workbook('hint', ['12-1', '--all'], { env })
    expect(again.stdout).toMatch(/Hint 1 of \d+[\s\S]*Hint 2 of \d+/)
    expect(again.stdout).not.toMatch(/Hint 3 of/)
    for (let shown = 3; shown <= total; shown++)
      await workbook('hint', ['12-1'], { env })
    const last = await workbook('hint', ['12-1'], { env })
    expect(last.stdout).toContain(`Hint ${total} of ${total}`)
    expect(last.stdout).toContain(
      'That was the last hint. The reference solution is solutions/12-sqlite/12-1-fixtures.test.ts',
    )
  }, 60_000)

  it('without an id, gives a hint for the first exercise not done', async () => {
    const { stdout } = await workbook('hint', [], { env: freshState() })
    expect(stdout).toContain('Exercise 12-1 · ')
  })
})

describe('npm run progress', () => {
  it('shows each exercise as not checked, failing or done, and what is next', async () => {
    const env = freshState()
    expect((await workbook('progress', [], { env })).stdout).toMatch(
      /· 12-1 .* not checked yet/,
    )
    await workbook('hint', ['12-1'], { env })
    await workbook('verify', ['12-1'], { env })
    const { code, stdout } = await workbook('progress', [], { env })
    expect(code).toBe(0)
    expect(stdout).toContain('Your progress: 0 of')
    expect(stdout).toMatch(
      /✗ 12-1 .* 0 of \d+ checks passed last time, 1 hint$/m,
    )
    expect(stdout).toContain(
      'Next: npm run verify 12-1 (lessons/12-sqlite/exercises/12-1-fixtures.test.ts)',
    )
    expect(stdout).toContain(`Progress is kept in ${env.WORKBOOK_STATE}.`)
  }, 60_000)
})

describe("after a check of the learner's answer", () => {
  const passing = (id: string): AnswerReport => ({
    exercise: findExercise(id),
    file: findExercise(id).file,
    checks: [
      {
        file: findExercise(id).check,
        path: [findExercise(id).file, 'checks', 'works'],
        state: 'passed',
        failures: [],
      },
    ],
    ownTests: [],
    errors: [],
  })

  it('marks a passing exercise done and names the next one', async () => {
    const env = freshState()
    vi.stubEnv('WORKBOOK_STATE', env.WORKBOOK_STATE)
    vi.resetModules()
    const { conclude } = await import('../../tools/workbook/conclude.ts')
    const printed: string[] = []
    const log = vi
      .spyOn(console, 'log')
      .mockImplementation((line: unknown) => void printed.push(String(line)))
    try {
      conclude(passing('12-1'))
    } finally {
      log.mockRestore()
      vi.unstubAllEnvs()
    }
    expect(readState(env)['12-1']).toMatchObject({
      done: true,
      passed: 1,
      total: 1,
    })
    expect(printed.join('\n')).toMatch(
      /✓ 12-1 passes all 1 checks\.\nNext: npm run verify 12-\d/,
    )
  })
})

describe('colours', () => {
  const tty = { isTTY: true, hasColors: () => true }
  it('are on for a terminal with colours, off when piped, off with NO_COLOR, on with FORCE_COLOR', () => {
    expect(colorEnabled(tty, {})).toBe(true)
    expect(colorEnabled({ isTTY: false }, {})).toBe(false)
    expect(colorEnabled(tty, { NO_COLOR: '1' })).toBe(false)
    expect(colorEnabled({ isTTY: false }, { FORCE_COLOR: '1' })).toBe(true)
    expect(colorEnabled(tty, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false)
    expect(colorEnabled(tty, { NO_COLOR: '' })).toBe(true) // an empty NO_COLOR does not count (no-color.org)
  })
})
