/**
 * Every exercise works both ways: its stub fails its checker, its reference solution passes, and each known
 * wrong answer fails the very checks meant to catch it. All answers are checked in one child vitest run.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { exercises } from '../../tools/workbook/exercises.ts'
import { repoRoot } from '../../tools/workbook/paths.ts'
import { tsx } from '../lessons/run-workbook.ts'

interface AnswerResult {
  exercise: string
  file: string
  passed: boolean
  checks: number
  failing: { name: string; message: string }[]
  errors: string[]
}

/** Known wrong answers, and words from the names of the checks (or own tests) each must fail. */
const wrongAnswers: Record<string, { file: string; fails: string[] }[]> = {
  '12-1': [
    {
      file: 'test/exercises/wrong/12-1-shared-store.ts',
      fails: [
        'step 2',
        'closed after it',
        'starts every test with an empty database',
      ],
    },
    {
      file: 'test/exercises/wrong/12-1-never-closed.ts',
      fails: ['closed after it'],
    },
    {
      file: 'test/exercises/wrong/12-1-use-not-awaited.ts',
      fails: ['initialized'],
    },
    {
      file: 'test/exercises/wrong/12-1-empty-registry.ts',
      fails: [
        'registry knows NoteCreated',
        'noteRepository is',
        'savedNote is',
      ],
    },
  ],
  '12-2': [
    {
      file: 'test/exercises/wrong/12-2-production-falls-back.ts',
      fails: ['production without DATABASE_URL'],
    },
    {
      file: 'test/exercises/wrong/12-2-unknown-is-development.ts',
      fails: ['unknown APP_ENV'],
    },
    {
      file: 'test/exercises/wrong/12-2-leaks-url.ts',
      fails: ['does not print it'],
    },
    {
      file: 'test/exercises/wrong/12-2-no-mkdir.ts',
      fails: ["creates a SQLite file's directory"],
    },
  ],
  '12-3': [
    {
      file: 'test/exercises/wrong/12-3-restart-from-zero.ts',
      fails: ['resumes from the checkpoint'],
    },
    {
      file: 'test/exercises/wrong/12-3-checkpoint-first.ts',
      fails: ['resumes from the checkpoint'],
    },
    {
      file: 'test/exercises/wrong/12-3-expected-any.ts',
      fails: ['never merged'],
    },
    {
      file: 'test/exercises/wrong/12-3-ids-only-checksum.ts',
      fails: ['checksum() changes'],
    },
  ],
}

const results = new Map<string, AnswerResult>()

beforeAll(async () => {
  const plan = Object.fromEntries(
    exercises.map((e) => [
      e.id,
      [e.file, e.solution, ...(wrongAnswers[e.id] ?? []).map((w) => w.file)],
    ]),
  )
  const { code, stdout, stderr } = await tsx('test/exercises/run-checks.ts', [
    JSON.stringify(plan),
  ])
  if (code !== 0) throw new Error(`run-checks.ts failed:\n${stderr}`)
  for (const line of stdout.split('\n').filter((l) => l.startsWith('{'))) {
    const result = JSON.parse(line) as AnswerResult
    results.set(result.file, result)
  }
}, 180_000)

const resultFor = (file: string): AnswerResult => {
  const result = results.get(file)
  if (!result) throw new Error(`${file} was not checked`)
  return result
}

describe.each(exercises)('exercise $id', (exercise) => {
  it('has a stub with TODO markers that fails its checker', () => {
    expect(readFileSync(join(repoRoot, exercise.file), 'utf8')).toMatch(/TODO/)
    const stub = resultFor(exercise.file)
    expect(stub.errors).toEqual([])
    expect(stub.checks).toBeGreaterThan(0)
    expect(stub.passed).toBe(false)
    expect(
      stub.failing.some((failure) => failure.message.startsWith('TODO:')),
      'the stub fails for its TODOs',
    ).toBe(true)
  })

  it('has a reference solution that passes every check', () => {
    const solution = resultFor(exercise.solution)
    expect(solution.failing).toEqual([])
    expect(solution.errors).toEqual([])
    expect(solution.passed).toBe(true)
  })

  it('has at least two known wrong answers', () => {
    expect((wrongAnswers[exercise.id] ?? []).length).toBeGreaterThanOrEqual(2)
  })

  it.each(wrongAnswers[exercise.id] ?? [])(
    'rejects $file',
    ({ file, fails }) => {
      const wrong = resultFor(file)
      expect(wrong.passed).toBe(false)
      const failingNames = wrong.failing.map((f) => f.name)
      for (const words of fails)
        expect(
          failingNames.some((name) => name.includes(words)),
          `expected a failing check with "${words}" in ${failingNames.join(' | ')}`,
        ).toBe(true)
    },
  )
})
