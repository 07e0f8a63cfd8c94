/**
 * The learner's tooling, as a learner runs it: verify, watch, reset, hint and progress. Every command runs
 * on pristine stubs of the test's own (WORKBOOK_EXERCISES) and a progress file of its own (WORKBOOK_STATE),
 * so the learner's files and progress are never read or touched.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { FROM_SOURCE } from '../../tools/source-condition.ts'
import { loadCourse, type Exercise } from '../../tools/workbook/course.ts'
import {
  derivedFolder,
  solutionAt,
  writeStub,
} from '../../tools/workbook/derived.ts'
import { absolutePath, repoRoot } from '../../tools/workbook/paths.ts'
import { colorEnabled } from '../../tools/workbook/style.ts'
import { workbook, type CommandResult } from '../lessons/run-workbook.ts'

const { exercises } = await loadCourse()
const byId = (id: string) => exercises.find((exercise) => exercise.id === id)!
/** The course's first exercise: where verify, hint and progress start. */
const first = exercises[0]!
const folder = derivedFolder()
afterAll(() => folder.remove())

/** The learner's file of an exercise, as the commands under test see it. */
const learnerFile = (exercise: Exercise) => join(folder.dir, exercise.file)
beforeAll(() => Promise.all(exercises.map((e) => writeStub(e, learnerFile(e)))))

let files = 0
/** The learner's files in the test's folder, and a fresh progress file. */
const learner = () => ({
  WORKBOOK_EXERCISES: folder.dir,
  WORKBOOK_STATE: absolutePath(join(folder.dir, `progress-${++files}.json`)),
})
const readState = (env: { WORKBOOK_STATE: string }) =>
  JSON.parse(readFileSync(env.WORKBOOK_STATE, 'utf8')) as Record<
    string,
    { done: boolean; passed: number; hintsShown: number }
  >
/** The reference solution, as if the learner had written it in their file. */
const solutionText = (exercise: Exercise) =>
  solutionAt(exercise, learnerFile(exercise))

/**
 * A learner's first steps, which a test of verify and one of progress share, since checking every exercise
 * is the longest run here: progress before anything is checked, a hint for the first exercise, verify with
 * no id (on the pristine stubs), then progress again. Run once, by whichever of the two tests comes first.
 */
let steps:
  | Promise<{
      env: ReturnType<typeof learner>
      before: CommandResult
      verified: CommandResult
      after: CommandResult
    }>
  | undefined
const firstSteps = () =>
  (steps ??= (async () => {
    const env = learner()
    const before = await workbook('progress', [], { env })
    await workbook('hint', [first.id], { env })
    const verified = await workbook('verify', [], { env })
    const after = await workbook('progress', [], { env })
    return { env, before, verified, after }
  })())

/** npm itself, as a learner types it: with or without the `--` before the flags. */
function npm(
  args: string[],
  env: Record<string, string>,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(
      'npm',
      ['--prefix', repoRoot, 'run', '--silent', ...args],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          FORCE_COLOR: undefined,
          NO_COLOR: undefined,
          ...env,
        },
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }))
  })
}

describe('npm run verify', () => {
  it('says which checks of the stub fail, why, and where, and records the attempt', async () => {
    const env = learner()
    const { code, stdout } = await workbook('verify', ['12-1'], { env })
    const file = learnerFile(byId('12-1'))
    expect(code).toBe(1)
    expect(stdout).toContain(`Your file: ${file}`)
    expect(stdout).toMatch(
      new RegExp(
        `^ {2}✗ saves a new note at version 1\\n {6}TODO: the eventStore fixture\\. Replace the todo\\(\\.\\.\\.\\) call with your code\\.\\n {6}at ${file.replaceAll('.', '\\.')}:\\d+$`,
        'm',
      ),
    )
    expect(stdout).toMatch(
      /^ {2}✗ eventStore is a new SQLiteEventStore on ":memory:", initialized\n {6}\(the same error as "saves a new note at version 1"\)$/m,
    )
    expect(stdout).toMatch(
      /✗ 12-1: 0 of \d+ checks pass\.\nFix first: eventStore is a new SQLiteEventStore/,
    )
    expect(stdout).toContain('Stuck? npm run hint 12-1 shows hint 1 of')
    expect(stdout, 'no spoiler while it fails').not.toContain('solutions/')
    expect(stdout).not.toContain('.check.ts')
    expect(readState(env)['12-1']).toMatchObject({ done: false, passed: 0 })
  }, 60_000)

  it('type-checks first: a type error fails, with its file, line and the compiler message', async () => {
    const exercise = byId('12-3')
    const file = learnerFile(exercise)
    writeFileSync(
      absolutePath(file),
      solutionText(exercise).replace(
        'let copied = 0',
        "let copied = 0\n  const label: number = 'copied'",
      ),
    )
    try {
      const { code, stdout } = await workbook('verify', ['12-3'], {
        env: learner(),
      })
      expect(code).toBe(1)
      expect(stdout).toMatch(
        new RegExp(
          `Type errors \\(1; .*\\)\\n {2}✗ ${file.replaceAll('.', '\\.')}:\\d+:\\d+ TS2322:\\n {6}Type 'string' is not assignable to type 'number'\\.`,
        ),
      )
      expect(stdout).toMatch(/✓ migrate\(\) copies every event/) // the checks still run
      expect(stdout).toMatch(
        /✗ 12-3: 9 of 9 checks pass; 1 type error to fix first\./,
      )
      expect(stdout).toMatch(/Fix first: the type error TS2322\n +at /)
    } finally {
      await writeStub(exercise, file)
    }
  }, 60_000)

  it('passes a solved exercise, and only then names the reference solution', async () => {
    const exercise = byId('12-2')
    const file = learnerFile(exercise)
    writeFileSync(absolutePath(file), solutionText(exercise))
    try {
      const env = learner()
      const { code, stdout } = await workbook('verify', ['12-2'], { env })
      expect(code).toBe(0)
      expect(stdout).toMatch(/✓ 12-2 passes all \d+ checks\./)
      expect(stdout).toContain(
        'Compare with the reference solution: solutions/12-sqlite/12-2-store-factory.ts',
      )
      expect(readState(env)['12-2']?.done).toBe(true)
    } finally {
      await writeStub(exercise, file)
    }
  }, 60_000)

  it("checks the reference solution with --solution, without recording it as the learner's", async () => {
    const env = learner()
    const { code, stdout } = await workbook('verify', ['12-3', '--solution'], {
      env,
    })
    expect(code).toBe(0)
    expect(stdout).toContain(
      'Reference solution: solutions/12-sqlite/12-3-migration.ts',
    )
    expect(stdout).toMatch(/✓ 12-3 passes all \d+ checks\./)
    expect(existsSync(env.WORKBOOK_STATE)).toBe(false)
  }, 60_000)

  it('takes a flag that npm kept for itself, when the -- was forgotten, and shows the usual form', async () => {
    const { code, stdout } = await npm(
      ['verify', '12-3', '--solution'],
      learner(),
    )
    expect(code).toBe(0)
    expect(stdout).toContain(
      '(npm took --solution for a setting of its own; the usual form is: npm run verify 12-3 -- --solution)',
    )
    expect(stdout).toContain(
      'Reference solution: solutions/12-sqlite/12-3-migration.ts',
    )
  }, 60_000)

  it('checks every exercise with no id, and details the first that fails', async () => {
    const { env, verified } = await firstSteps()
    const { code, stdout, stderr } = verified
    expect(code).toBe(1)
    // Failing exercises say so on stdout; stderr would hold why the run itself stopped.
    expect(stdout, stderr).toMatch(/^✗ 12-1 {2}Vitest fixtures/m)
    expect(stdout).toMatch(/^✗ 12-3 {2}A resumable batch migration/m)
    expect(stdout).toContain(`Exercise ${first.id} · `)
    expect(Object.keys(readState(env))).toEqual(
      expect.arrayContaining(exercises.map((exercise) => exercise.id)),
    )
  }, 60_000)

  it('lists the exercises for an unknown one', async () => {
    const { code, stderr } = await workbook('verify', ['12-9'], {
      env: learner(),
    })
    expect(code).toBe(1)
    expect(stderr).toContain(
      `There is no exercise "12-9". Exercises: ${exercises.map((e) => e.id).join(', ')}.`,
    )
  })
})

describe('npm run verify -- --watch', () => {
  /** Starts watch mode in a child, piped or on a pseudo-terminal (through `script`), and collects its output. */
  function startWatch(
    args: string[],
    env: Record<string, string>,
    tty = false,
  ) {
    const command = [
      process.execPath,
      ...FROM_SOURCE,
      join(repoRoot, 'tools/workbook/verify.ts'),
      ...args,
      '--watch',
    ]
    const child = tty
      ? spawn(
          'script',
          ['-qfec', command.map((part) => `'${part}'`).join(' '), '/dev/null'],
          {
            cwd: repoRoot,
            env: {
              ...process.env,
              ...env,
              TERM: 'dumb',
              FORCE_COLOR: undefined,
            },
          },
        )
      : spawn(command[0]!, command.slice(1), {
          cwd: repoRoot,
          env: { ...process.env, ...env, FORCE_COLOR: undefined },
        })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const until = (predicate: (output: string) => boolean, what: string) =>
      vi.waitFor(
        () => {
          if (!predicate(output))
            throw new Error(`waiting for ${what}; so far:\n${output}`)
        },
        { timeout: 40_000, interval: 100 },
      )
    const count = (text: string) => output.split(text).length - 1
    return { child, until, count, output: () => output }
  }

  it('re-checks the file on save, moves on once it passes, and keeps watching', async () => {
    const exercise = byId('12-2')
    const file = learnerFile(exercise)
    const watch = startWatch(['12-2'], learner())
    try {
      await watch.until((o) => o.includes(`Watching ${file}`), 'the first run')
      utimesSync(absolutePath(file), new Date(), new Date()) // a save, as an editor makes it
      await watch.until(
        () => watch.count(`Watching ${file}`) >= 2,
        'the re-run',
      )
      writeFileSync(absolutePath(file), solutionText(exercise))
      await watch.until((o) => o.includes('✓ 12-2 passes all'), 'the pass')
      await watch.until(
        (o) => o.includes(`Watching ${learnerFile(byId('12-3'))}`),
        'the next exercise',
      )
      expect(watch.child.exitCode).toBe(null) // still watching
    } finally {
      watch.child.kill()
      await writeStub(exercise, file)
    }
  }, 90_000)

  it('starts at the first exercise whose file fails, whatever the progress says', async () => {
    const env = learner()
    writeFileSync(
      env.WORKBOOK_STATE,
      JSON.stringify({
        [first.id]: { done: true, passed: 9, total: 9, hintsShown: 0 },
      }),
    )
    const watch = startWatch([], env)
    try {
      await watch.until((o) => o.includes('Watching '), 'the first run')
      expect(watch.output()).toContain(`Watching ${learnerFile(first)}`)
    } finally {
      watch.child.kill()
    }
  }, 90_000)

  it('checks the exercises the learner worked on to find where they are: one that is broken stops it', async () => {
    const file = learnerFile(first)
    writeFileSync(
      absolutePath(file),
      `${solutionText(first)}\nthrow new Error('broken')\n`,
    )
    const watch = startWatch([], learner())
    try {
      await watch.until((o) => o.includes('Watching '), 'the first run')
      expect(watch.output()).toContain(
        'Checking the exercises you worked on to find where you are',
      )
      expect(watch.output()).toContain(`Watching ${file}`)
    } finally {
      watch.child.kill()
      await writeStub(first, file)
    }
  }, 90_000)

  it('on a terminal, takes keys: l lists the exercises, h shows a hint, q quits', async () => {
    const watch = startWatch(['12-3'], learner(), true)
    try {
      await watch.until(
        (o) => o.includes('h hint · n next · l list · r re-run · q quit'),
        'the keys',
      )
      watch.child.stdin.write('l')
      await watch.until((o) => /✗ 12-3 .*← watching/.test(o), 'the list')
      watch.child.stdin.write('h')
      await watch.until((o) => o.includes('Hint 1 of'), 'a hint')
      watch.child.stdin.write('q')
      await new Promise((resolve) => watch.child.once('close', resolve))
    } finally {
      watch.child.kill()
    }
  }, 90_000)
})

describe('npm run reset', () => {
  it('asks first: without a terminal, it needs --force, and changes nothing', async () => {
    const exercise = byId('12-1')
    const file = absolutePath(learnerFile(exercise))
    writeFileSync(file, '// my work in progress\n')
    try {
      const refused = await workbook('reset', ['12-1'], { env: learner() })
      expect(refused.code).toBe(1)
      expect(refused.stderr).toContain(
        'To do it without being asked: npm run reset 12-1 -- --force',
      )
      expect(readFileSync(file, 'utf8')).toBe('// my work in progress\n')

      const { code, stdout } = await workbook('reset', ['12-1', '--force'], {
        env: learner(),
      })
      expect(code).toBe(0)
      expect(stdout).toContain(
        `✓ ${learnerFile(exercise)} is the untouched stub again.`,
      )
      const backup = /Your version is kept in (\S+)\./.exec(stdout)![1]!
      expect(readFileSync(absolutePath(backup), 'utf8')).toBe(
        '// my work in progress\n',
      )
      expect(readFileSync(file, 'utf8')).toMatch(/TODO/)
      const again = await workbook('reset', ['12-1', '--force'], {
        env: learner(),
      })
      expect(again.stdout).toContain(
        'is already the untouched stub: nothing to reset.',
      )
    } finally {
      await writeStub(exercise, learnerFile(exercise))
    }
  }, 60_000)
})

describe('npm run hint', () => {
  it('shows the next hint each time, remembers it, and names the solution only when asked', async () => {
    const env = learner()
    const first = await workbook('hint', ['12-1'], { env })
    expect(first.stdout).toMatch(/Hint 1 of (\d+)/)
    const total = Number(/Hint 1 of (\d+)/.exec(first.stdout)![1])
    expect(first.stdout).toContain('Run npm run hint 12-1 again for hint 2.')
    expect((await workbook('hint', ['12-1'], { env })).stdout).toMatch(
      /Hint 2 of \d+/,
    )
    expect(readState(env)['12-1']?.hintsShown).toBe(2)
    const again = await workbook('hint', ['12-1', '--all'], { env })
    expect(again.stdout).toMatch(/Hint 1 of \d+[\s\S]*Hint 2 of \d+/)
    expect(again.stdout).not.toMatch(/Hint 3 of/)
    for (let shown = 3; shown <= total; shown++)
      await workbook('hint', ['12-1'], { env })
    const last = await workbook('hint', ['12-1'], { env })
    expect(last.stdout).toContain(`Hint ${total} of ${total}`)
    expect(last.stdout).not.toContain('solutions/')
    expect(last.stdout).toContain(
      'npm run hint 12-1 -- --solution names the reference solution',
    )
    const spoiler = await workbook('hint', ['12-1', '--solution'], { env })
    expect(spoiler.stdout).toContain(
      'solutions/12-sqlite/12-1-fixtures.test.ts',
    )
  }, 60_000)

  it('shows hint code without what it declares above its cut', async () => {
    const { stdout } = await workbook('hint', ['12-3', '--all'], {
      env: learner(),
    })
    expect(stdout).toContain('    const batch: StoredEvent[] = []')
    expect(stdout).not.toContain('---cut---')
    expect(stdout).not.toContain('declare const')
  })

  it('without an id, gives a hint for the first exercise not done, and none once all are', async () => {
    const env = learner()
    expect((await workbook('hint', [], { env })).stdout).toContain(
      `Exercise ${first.id} · `,
    )
    const allDone = Object.fromEntries(
      exercises.map((e) => [
        e.id,
        { done: true, passed: 1, total: 1, hintsShown: 0 },
      ]),
    )
    writeFileSync(env.WORKBOOK_STATE, JSON.stringify(allDone))
    const { stdout } = await workbook('hint', [], { env })
    expect(stdout).toContain(
      'Every exercise is done, so there is nothing to hint at.',
    )
    expect(stdout).not.toContain('Hint 1')
  })
})

describe('npm run progress', () => {
  it('shows each exercise as not checked, failing or done, and what is next', async () => {
    const { env, before, after } = await firstSteps()
    expect(before.stdout).toMatch(
      new RegExp(`· ${first.id} .* not checked yet`),
    )
    const { code, stdout } = after
    expect(code).toBe(0)
    expect(stdout).toContain(`Your progress: 0 of ${exercises.length}`)
    expect(stdout).toMatch(
      new RegExp(
        `✗ ${first.id} .* 0 of \\d+ checks passed last time, 1 hint$`,
        'm',
      ),
    )
    expect(stdout).toMatch(
      new RegExp(
        `✗ ${exercises.at(-1)!.id} .* \\d+ of \\d+ checks passed last time$`,
        'm',
      ),
    )
    // The first exercise not done: with every one failing, the course's first.
    expect(stdout).toContain(
      `Next: npm run verify ${first.id} (${learnerFile(first)})`,
    )
    expect(stdout).toContain(`Progress is kept in ${env.WORKBOOK_STATE}`)
  }, 60_000)
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
