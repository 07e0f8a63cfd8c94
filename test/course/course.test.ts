/**
 * The course checks, on pristine copies, never on the learner's files (so they pass whatever state the
 * learner's exercises are in): every lesson folder holds what its manifest declares and nothing else;
 * every exercise's stub (made from its solution) fails its checker for its TODOs, its reference solution
 * passes, and each known mistake fails the very checks meant to catch it, saying what they must say.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  loadCourse,
  loadMistakes,
  type Exercise,
} from '../../tools/workbook/course.ts'
import {
  derivedFolder,
  writeMistake,
  writeStub,
} from '../../tools/workbook/derived.ts'
import { hintCode, readHints } from '../../tools/workbook/hints.ts'
import type { Mistake } from '../../tools/workbook/manifest.ts'
import { absolutePath } from '../../tools/workbook/paths.ts'
import { moveImports } from '../../tools/workbook/stub.ts'
import { tsx, type CommandResult } from '../lessons/run-workbook.ts'

interface AnswerResult {
  exercise: string
  file: string
  passed: boolean
  checks: number
  typeErrors: string[]
  failing: { name: string; message: string }[]
  errors: string[]
}

const { lessons, exercises } = await loadCourse()
const folder = derivedFolder()
afterAll(() => folder.remove())

/** Checks run with a short timeout: one mistake's answer never settles. */
const checkEnv = { WORKBOOK_CHECK_TIMEOUT_MS: '2500' }
/**
 * The one run of every answer, with the default watchdog: however long it
 * takes on a busy machine, its checks keep ending. (The answers that hang are
 * checked apart, with a short watchdog.) It runs two checkers at once: while
 * a mistake that never settles waits out the timeout of each of its checks,
 * the other thread checks the rest.
 */
const allAnswersEnv = { ...checkEnv, WORKBOOK_CHECK_THREADS: '2' }

const listing = (dir: string) =>
  existsSync(absolutePath(dir)) ? readdirSync(absolutePath(dir)).sort() : []

// The answers to check, made before the tests are collected: the pristine stubs and the mistakes.
const stubs = new Map<Exercise, string>()
const mistakes = new Map<Exercise, { mistake: Mistake; file: string }[]>()
for (const exercise of exercises) {
  const stub = join(folder.dir, exercise.id, 'stub', basename(exercise.file))
  stubs.set(exercise, await writeStub(exercise, stub))
  mistakes.set(
    exercise,
    (await loadMistakes(exercise)).map((mistake) => ({
      mistake,
      file: writeMistake(exercise, mistake, folder.dir),
    })),
  )
}
// Every hint's code, written beside the derived answers; the run of every answer type-checks it too.
const hintFiles = exercises.flatMap((exercise) => {
  const from = exercise.solution.replace(
    /^solutions\/([^/]+)\//,
    'lessons/$1/exercises/',
  )
  return hintCode(exercise).map(({ hint, code }, index) => {
    const file = join(folder.dir, exercise.id, 'hints', `${hint}-${index}.ts`)
    mkdirSync(dirname(absolutePath(file)), { recursive: true })
    writeFileSync(absolutePath(file), moveImports(code, from, file))
    return file
  })
})
const allMistakes = exercises.flatMap((exercise) =>
  mistakes.get(exercise)!.map((entry) => ({ exercise, ...entry })),
)

/**
 * Each answer that hangs, checked alone until its watchdog stops it. The runs
 * mostly wait for their watchdog, so they start with the run of the others.
 */
const hangRuns = new Map<string, Promise<CommandResult>>()
const results = new Map<string, AnswerResult>()
/** The type errors in the hints' code, once the run has checked it. */
let hintErrors: string[] | undefined
beforeAll(async () => {
  for (const { exercise, mistake, file } of allMistakes)
    if (mistake.hangs)
      hangRuns.set(
        file,
        tsx(
          'test/course/run-checks.ts',
          [JSON.stringify({ [exercise.id]: [file] })],
          { env: { ...checkEnv, WORKBOOK_STUCK_AFTER_MS: '3000' } },
        ),
      )
  const plan = Object.fromEntries(
    exercises.map((exercise) => [
      exercise.id,
      [
        stubs.get(exercise)!,
        exercise.solution,
        ...mistakes
          .get(exercise)!
          .filter(({ mistake }) => !mistake.hangs)
          .map(({ file }) => file),
      ],
    ]),
  )
  const { code, stdout, stderr } = await tsx(
    'test/course/run-checks.ts',
    [JSON.stringify(plan), JSON.stringify(hintFiles)],
    { env: allAnswersEnv },
  )
  if (code !== 0) throw new Error(`run-checks.ts failed:\n${stderr}`)
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const result = JSON.parse(line) as AnswerResult | { typeChecked: string[] }
    if ('typeChecked' in result) hintErrors = result.typeChecked
    else results.set(result.file, result)
  }
}, 240_000)

const resultFor = (file: string): AnswerResult => {
  const result = results.get(file)
  if (!result) throw new Error(`${file} was not checked`)
  return result
}

describe.each(lessons)('lesson $number ($slug)', (lesson) => {
  it('has a file for each declared section, and no other section file', () => {
    expect(listing(`${lesson.dir}/sections`)).toEqual(
      lesson.sections.map((section) => `${section.name}.ts`).sort(),
    )
  })

  it('declares every exercise file, hint file, checker and solution it has', () => {
    const files = (exercise: Exercise) => basename(exercise.solution)
    const declared = lesson.exercises
    expect(
      listing(`${lesson.dir}/exercises`).filter((name) => name !== 'hints'),
    ).toEqual(declared.map(files).sort())
    expect(listing(`${lesson.dir}/exercises/hints`)).toEqual(
      declared.map((exercise) => `${exercise.id}.md`).sort(),
    )
    expect(listing(`${lesson.dir}/checks`)).toEqual(
      declared.map((exercise) => `${exercise.id}.check.ts`).sort(),
    )
    expect(listing(`solutions/${lesson.slug}`)).toEqual(
      declared
        .flatMap((exercise) => [files(exercise), `${exercise.id}.mistakes.ts`])
        .sort(),
    )
  })

  it('numbers its exercises NN-1, NN-2, … and has two to four', () => {
    const nn = String(lesson.number).padStart(2, '0')
    expect(lesson.exercises.map((exercise) => exercise.id)).toEqual(
      lesson.exercises.map((_, index) => `${nn}-${index + 1}`),
    )
    if (lesson.exercises.length > 0) {
      expect(lesson.exercises.length).toBeGreaterThanOrEqual(2)
      expect(lesson.exercises.length).toBeLessThanOrEqual(4)
    }
  })
})

describe.each(exercises)('exercise $id', (exercise) => {
  it('has hints, each with something in it', () => {
    const hints = readHints(exercise)
    expect(hints.length).toBeGreaterThanOrEqual(2)
    for (const hint of hints) expect(hint.trim()).not.toBe('')
  })

  it('has hint code that type-checks with the project settings', () => {
    if (!hintErrors) throw new Error('the hints were not type-checked')
    const errors = hintErrors.filter((error) =>
      error.startsWith(`${folder.dir}/${exercise.id}/hints/`),
    )
    expect(errors).toEqual([])
  })

  it('has a stub, made from its solution, with TODOs that fail its checker', () => {
    const stub = resultFor(stubs.get(exercise)!)
    expect(readFileSync(absolutePath(stubs.get(exercise)!), 'utf8')).toMatch(
      /TODO/,
    )
    expect(stub.typeErrors, 'the stub type-checks').toEqual([])
    expect(stub.errors).toEqual([])
    expect(stub.checks).toBeGreaterThan(0)
    expect(stub.passed).toBe(false)
    expect(
      stub.failing.some((failure) => failure.message.startsWith('TODO:')),
      'the stub fails for its TODOs',
    ).toBe(true)
  })

  it('has a reference solution that type-checks and passes every check', () => {
    const solution = resultFor(exercise.solution)
    expect(solution.typeErrors).toEqual([])
    expect(solution.failing).toEqual([])
    expect(solution.errors).toEqual([])
    expect(solution.passed).toBe(true)
  })

  it('has at least two known mistakes', () => {
    expect(mistakes.get(exercise)!.length).toBeGreaterThanOrEqual(2)
  })
})

describe.each(allMistakes)(
  'mistake $mistake.name of $exercise.id',
  ({ mistake, file }) => {
    if (mistake.hangs) {
      it('never ends, and the checks stop it and say so', async () => {
        const { code, stderr } = await hangRuns.get(file)!
        expect(code).toBe(1)
        expect(stderr).toContain(
          `No check ended for 3 s: ${file} runs a loop that never ends`,
        )
      }, 60_000)
      return
    }
    it('fails the checks meant to catch it, saying what they must', () => {
      const wrong = resultFor(file)
      expect(wrong.passed).toBe(false)
      const failingNames = wrong.failing.map((f) => f.name)
      for (const words of mistake.fails)
        expect(
          failingNames.some((name) => name.includes(words)),
          `expected a failing check with "${words}" in ${failingNames.join(' | ')}`,
        ).toBe(true)
      // What the first check it names says: the explanation a learner reads.
      const [first] = mistake.fails
      const named = wrong.failing.find((f) => first && f.name.includes(first))
      for (const words of mistake.says ?? [])
        expect(named?.message, `what "${first}" says`).toContain(words)
    })
  },
)
