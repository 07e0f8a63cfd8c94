/** Lesson 3 runs as a learner runs it, and prints what the lesson teaches. */
import { describeLessonRun } from './lesson-run.ts'

/** What the learner must see, by what it shows. */
const shows: Record<string, string[]> = {
  'a task from version 0 to 3, one event a command, each waiting to be saved': [
    'A new task: version 0, title "", status pending (its initial state)',
    'create():   version 1, title "Write lesson 3"',
    'assign():   version 2, assignee alice',
    'complete(): version 3, status completed, completed by alice',
    '3 uncommitted events, oldest first:\n  v1 TaskCreated\n  v2 TaskAssigned\n  v3 TaskCompleted',
  ],
  'commands refused by a rule, with messages that name it, raising nothing': [
    'complete() again: TaskRuleError\n  Already completed by bob: reopen the task to complete it again.',
    'reassign(): TaskRuleError\n  A completed task cannot be reassigned: reopen it first.',
    'create() again: TaskRuleError\n  This task already exists: a task is created once.',
    'Still version 3, 3 events: a refused command raises nothing',
    'reopen(), then complete(): version 5, completed by carol',
  ],
  'a task rebuilt from its history: the same state, nothing to save, and an old history that loads':
    [
      'Stored 3 events; the live task is at version 3, with 0 uncommitted',
      'Rebuilt from history: version 3, status completed, 0 uncommitted',
      'Same state as the live task: true',
      'reopen() raises v4 TaskReopened',
      "History that today's rules refuse still loads: v4, completed, assignee bob",
    ],
  'getNextVersion(), and the EventVersionError of an event out of order, of another task, and of a gap':
    [
      'After create(): version 1, getNextVersion() 2',
      'v5 on a task at version 1: EventVersionError\n  Event for aggregate task-5 has aggregateVersion 5, expected 2.',
      "another task's event: EventVersionError\n  TaskCompleted belongs to Task task-6, not to Task task-5.",
      'Neither was applied: still version 1',
      'A history with a gap: EventVersionError, expected version 2, got 3',
    ],
  'one history replayed to one state in both styles, and the unhandled-event policies':
    [
      'The same 4 events, the same state: true',
      '  TaskCreated, TaskAssigned, TaskReassigned, TaskCompleted, TaskReopened',
      "unhandledEvents 'ignore' (the default): TaskArchived skipped, version 5",
      "unhandledEvents 'error': UnhandledEventError\n  StrictTask has no handler for TaskArchived events.",
    ],
}

describeLessonRun(3, shows)
