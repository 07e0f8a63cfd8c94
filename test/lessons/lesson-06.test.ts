/** Lesson 6 runs as a learner runs it, and prints what the lesson teaches. */
import { describeLessonRun } from './lesson-run.ts'

/** What the learner must see, by what it shows. */
const shows: Record<string, string[]> = {
  'the write side answering for one task, and a plain object fed the whole log':
    [
      'The write side: 11 commands saved 11 events',
      "tasks.load('task-3'): version 4, pending, assigned to bob",
      'The read side: 11 events handled, 4 titles\n  task-1  Write the lesson\n  task-2  Draw the diagram\n  task-3  Review the page\n  task-4  Fix the typos',
    ],
  "a Projection's event types, and the board's columns and open tasks": [
    'task-board has handlers for:\n  TaskCreated, TaskAssigned, TaskReassigned, TaskCompleted, TaskReopened',
    'Fed the log up to position 11',
    'pending:\n  task-2  Draw the diagram  carol\n  task-3  Review the page   bob\n  task-4  Fix the typos     -\ncompleted:\n  task-1  Write the lesson  alice',
    "alice's open tasks: none\nbob's open tasks: Review the page\ncarol's open tasks: Draw the diagram",
  ],
  'a board built live, the lag after a save, and a rebuild equal to it': [
    'Built live: 11 commands, the board fed after each, now at position 11',
    'Saved: the log at position 12, the board at 11: task-2 still pending',
    'Fed: the board at 12, task-2 completed',
    'reset(): 0 cards',
    'Rebuilt from the log: 4 cards, the same as live: true',
    'A new TaskBoard fed the log: the same: true',
  ],
  'a read model in a SQLite table, queried with SQL and rebuilt to the same rows':
    [
      '  task_id  title             status     assignee  completed_by\n  task-1   Write the lesson  completed  alice     alice\n  task-2   Draw the diagram  pending    carol     -',
      'Open tasks per assignee, in SQL:\n  nobody  1\n  bob     1\n  carol   1',
      'Completed by alice: Write the lesson',
      'reset(): 0 rows; rebuilt from the log: 4 rows, the same: true',
    ],
  'an unknown event ignored or fatal, and a clock that breaks a rebuild': [
    'TaskBoard and TaskPrioritised: ignored, 4 cards as before',
    'strict and TaskPrioritised: Error\n  strict has no handler for TaskPrioritised.',
    'changedAt = new Date():       a rebuild gives the same read model: false',
    'changedAt = event.occurredAt: a rebuild gives the same read model: true',
  ],
}

describeLessonRun(6, shows)
