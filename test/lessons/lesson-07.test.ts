/** Lesson 7 runs as a learner runs it, and prints what the lesson teaches. */
import { describeLessonRun } from './lesson-run.ts'

/** What the learner must see, by what it shows. */
const shows: Record<string, string[]> = {
  'a handler by class, a type with none, a late subscriber and an unsubscribe':
    [
      'publish() of TaskCreated, TaskAssigned:\n  first handler: task-1, "Write the lesson"\npublish() resolved',
      'A second handler subscribes, and task-2 is published:\n  first handler: task-2, "Draw the diagram"\nThe second handler heard task-2, not task-1:',
      'The first handler is silent; the second heard task-2, task-3',
    ],
  'handlers by class, by name and of every event, and one event at a time': [
    '  every event: task-1 v1 TaskCreated\n  by class: completed by alice\n  every event: task-1 v2 TaskCompleted\n  by name: reopened by bob\n  every event: task-1 v3 TaskReopened',
    '  fast: v1 TaskCreated\n  slow: v1 TaskCreated\n  fast: v2 TaskCompleted\n  slow: v2 TaskCompleted',
  ],
  'a wired repository: every subscriber up to date, a refused save unheard': [
    'The story saved: the log holds 11 events. Heard:\n  counts:   3 pending, 1 completed\n  notifier: 6 mails, the last to dave: task-3 was completed by bob\n  audit:    11 events, the first task-1 v1 TaskCreated',
    'task-2 completed and saved: the counts say 2 pending, 2 completed, already',
    'the second save: OptimisticLockError\nThe last mail: to dave: task-4 is yours. erin got none:',
  ],
  'a failed handler: the save stands, the others run, the failed one misses it':
    [
      'save(): EventPublishError\n  Task task-2 was saved (version 4), but publishing its events failed',
      'The save stood: the store holds task-2 at version 4; 0 uncommitted.',
      "The other handlers ran: the counts say 2 pending, 2 completed;\nthe audit's last line is task-2 v4 TaskCompleted.",
      'notifyReviewer missed it: still 6 mails sent; the bus will not try again.',
      'complete() again: TaskRuleError\n  Already completed by carol',
      'task-4 assigned and completed: 2 failures\n  notifyAssignee on TaskAssigned v2\n  notifyReviewer on TaskCompleted v3\nThe audit heard both: task-4 v2 TaskAssigned, task-4 v3 TaskCompleted',
      "Made up for task-2's missed mail: to dave: task-2 was completed by carol",
    ],
}

describeLessonRun(7, shows)
