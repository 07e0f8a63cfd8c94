/** Lesson 8 runs as a learner runs it, and prints what the lesson teaches. */
import { describeLessonRun } from './lesson-run.ts'

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

describeLessonRun(8, shows)
