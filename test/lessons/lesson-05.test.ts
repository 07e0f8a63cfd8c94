/** Lesson 5 runs as a learner runs it, and prints what the lesson teaches. */
import { describeLessonRun } from './lesson-run.ts'

/** What the learner must see, by what it shows. */
const shows: Record<string, string[]> = {
  'a load and two saves by hand, each expecting the version it was raised on, then the same with a repository':
    [
      'By hand: a new task, created and assigned\n  appended 2 events, expecting version 0',
      'By hand: loaded at version 2\n  appended 2 events, expecting version 2',
      'With a repository: load(), reopen(), save(): version 5',
    ],
  'createNew() storing nothing, save() and its no-op, load() by id, and AggregateNotFoundError':
    [
      "createNew(): version 0; the store's stream is at version 0",
      'create(), assign(): version 2, 2 uncommitted; the store is still at 0',
      'save(): the store is at version 2; the task has 0 uncommitted',
      'save() again, no change: nothing written; the log still ends at position 2',
      `load('task-1'): version 2, "Learn repositories", assigned to alice`,
      'A new object (true), with the same state (true) and 0 uncommitted',
      "load('task-404'): AggregateNotFoundError\n  Task task-404 was not found: its stream has no events.",
    ],
  'one load, two commands and one save expecting version 2; the stream as stored; a change never saved':
    [
      'save(): one append, expecting version 2; now version 4, 0 uncommitted',
      'The stream in the store, version 4:\n  v1 TaskCreated\n  v2 TaskAssigned\n  v3 TaskReassigned\n  v4 TaskCompleted',
      'reopen() without save(): a reload is still completed, at version 4',
    ],
  'exists() and loadOrCreate() for a stored and an unknown id': [
    "exists('task-1'): true\nexists('task-2'): false",
    `loadOrCreate('task-1'): version 1, "Learn repositories"`,
    "loadOrCreate('task-2'): version 0, a new task, not stored yet",
    "Created and saved: exists('task-2') true",
  ],
  'two writers at version 2: the second save refused, nothing written, its event uncommitted':
    [
      'Both writers loaded task-1 at version 2',
      "Writer 1: reassign('bob'), save(): version 3",
      "Writer 2: complete('alice'), save(): OptimisticLockError\n  Concurrency conflict on Task task-1: expected version 2, but the stream is\n  at version 3.",
      'The store holds v1 TaskCreated, v2 TaskAssigned, v3 TaskReassigned',
      "Writer 2's task still holds v3 TaskCompleted, uncommitted",
    ],
  'the stale task conflicting again, a reload that keeps both changes, and a rule that refuses after one':
    [
      'save() again: OptimisticLockError again, expected 2, actual 3',
      "Reloaded at version 3, complete('alice') again, save(): version 4",
      'Both changes are kept: assigned to bob, completed by alice',
      "Writer 3: reassign('carol'), save(): OptimisticLockError",
      "Reloaded at version 4, reassign('carol'): TaskRuleError\n  A completed task cannot be reassigned: reopen it first.",
    ],
  'a bus handler running after the commit, and an EventPublishError that leaves the save standing':
    [
      'bus: task-1 completed by alice; the store is at version 3 already',
      'save() rejects with EventPublishError: notifyReviewer failed',
      'Saved all the same: the store is at version 4, the task has 0 uncommitted',
    ],
}

describeLessonRun(5, shows)
