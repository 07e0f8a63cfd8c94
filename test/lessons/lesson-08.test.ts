/** Lesson 8 runs as a learner runs it, and prints what the lesson teaches. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadCourse } from '../../tools/workbook/course.ts'
import {
  expectEverySectionRan,
  npmRun,
  type CommandResult,
} from './run-workbook.ts'

const ANSI = /\u001b\[/
const lesson = (await loadCourse()).lessons.find((l) => l.number === 8)!
const learnerDir = mkdtempSync(join(tmpdir(), 'learner-'))
afterAll(() => rmSync(learnerDir, { recursive: true, force: true }))

/** What the learner must see, by what it shows. */
const shows: Record<string, string[]> = {
  "an aggregate's events, its rules, and given-when-then on fixtures": [
    'vitest lessons/08-testing/task.test.ts\n' +
      '  ✓ create() raises TaskCreated, and the task has its title\n' +
      '  ✓ rules › a completed task cannot be completed again\n' +
      '  ✓ rules › a refused command raises nothing',
    '  ✓ given-when-then › the assignee completes an assigned task',
    '7 tests passed',
  ],
  'a history replayed, a round trip, and a history as the given': [
    '  ✓ a history replays to the state its events record\n' +
      '  ✓ a task rebuilt from the events it raised has its state\n' +
      '  ✓ given a completed task, reopen() raises TaskReopened at v3\n' +
      '3 tests passed',
  ],
  'the same repository tests on the in-memory store and on SQLite': [
    '  ✓ on the in-memory store › refuses a stale writer with ' +
      'OptimisticLockError',
    '  ✓ on the sqlite store › refuses a stale writer with ' +
      'OptimisticLockError',
    '  ✓ on the sqlite store › starts every test with an empty store\n' +
      '8 tests passed',
  ],
  "lesson 6's board tested on a fixture's store": [
    '  ✓ TaskBoard › a reassigned task moves to its new assignee',
    '  ✓ TaskBoard › a rebuild gives the same board\n3 tests passed',
  ],
  'the vague test passing on the broken task, the precise one failing': [
    '  ✓ ForgetfulTask › assign() on a completed task throws\n' +
      '  ✗ ForgetfulTask › assign() on a completed task: ' +
      '"cannot be assigned"\n' +
      '      expected [Function] to throw error matching ' +
      '/cannot be assigned/ but got\n' +
      "      'Already assigned to alice.'",
    'ForgetfulTask: the precise test caught the bug.',
  ],
}

describe("npm run lesson 8, from a learner's own directory", () => {
  let result: CommandResult

  beforeAll(async () => {
    result = await npmRun('lesson', ['8'], { cwd: learnerDir })
  }, 60_000)

  it('runs every section, in order, and succeeds', () => {
    expectEverySectionRan(result, lesson)
  })

  it.each(Object.entries(shows))('shows %s', (_, lines) => {
    for (const line of lines) expect(result.stdout).toContain(line)
  })

  it("leaves nothing behind in the learner's directory, and prints no colour codes", () => {
    expect(readdirSync(learnerDir)).toEqual([])
    expect(result.stdout).not.toMatch(ANSI)
  })
})
