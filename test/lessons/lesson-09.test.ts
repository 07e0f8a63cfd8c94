/** Lesson 9 runs as a learner runs it, and prints what the lesson teaches. */
import { describeLessonRun } from './lesson-run.ts'

/** What the learner must see, by what it shows. */
const shows: Record<string, (string | RegExp)[]> = {
  'one real failure of each kind, its name and code, and nothing written': [
    /^load\('task-404'\) +AggregateNotFoundError +AGGREGATE_NOT_FOUND$/m,
    /^save\(\) of a stale task +OptimisticLockError +OPTIMISTIC_LOCK$/m,
    /^assign\(''\), to no one +EventValidationError +EVENT_VALIDATION$/m,
    /^an event out of order +EventVersionError +EVENT_VERSION$/m,
    /^load\(''\), no id +InvalidArgumentError +INVALID_ARGUMENT$/m,
    /^a store not initialized +NotConnectedError +NOT_CONNECTED$/m,
    /^complete\(\) of a done task +TaskRuleError +not the library's$/m,
    /^a bug in our own code +TypeError +not the library's$/m,
    'The log is at position 3, as before (3): no failure wrote anything',
    'OPTIMISTIC_LOCK: expected version 2, the stream is at 3',
  ],
  'two writers at once: a real conflict, then a retry that reloads and keeps both':
    [
      'manager: loaded version 2\nalice: loaded version 2\n' +
        'manager: saved version 3\n' +
        'alice: OptimisticLockError, expected 2, the stream is at 3',
      'The store holds v1 TaskCreated, v2 TaskAssigned, v3 TaskReassigned',
      'alice: conflict, expected 2, stream at 3; waits 10 ms\n' +
        'alice: loaded version 3\nalice: saved version 4',
      'Both changes kept: assigned to bob, completed by alice, version 4',
    ],
  'a refusal retried gives the same answer, and a retried EventPublishError reports a success as a failure':
    [
      '  attempt 1: TaskRuleError; trying again\n' +
        '  attempt 2: TaskRuleError; trying again\n' +
        '  attempt 3: TaskRuleError\n  Already assigned to alice.',
      '  attempt 1: EventPublishError; trying again\n' +
        '  attempt 2: TaskRuleError; trying again',
      'The store holds v1 TaskCreated, v2 TaskAssigned, v3 TaskCompleted:',
      'task-2 saved at version 3; mailTheCustomer failed',
    ],
  'a passing failure retried away, a poison event set aside, the subscription going on, and a replay once fixed':
    [
      'Subscription live at position 11',
      'The mail server refused 1 send while down; a retry sent it',
      '  alice@example.com: task-1 is yours now\n' +
        '  bob@example.com: task-2 is yours now\n' +
        '  bob@example.com: task-3 is yours now',
      'position 8 (3 attempts): No address for carol: add one to the ' +
        'directory. The\n  event was recorded as a dead letter',
      'Dead letter: position 8, TaskReassigned of task-2, 3 attempts, open',
      'Replayed before the fix: 0 replayed, 1 failed\n' +
        '  position 8, TaskReassigned of task-2, 4 attempts, open',
      'Replayed after the fix: 1 replayed, 0 failed\n' +
        '  mail sent: carol@example.com: task-2 is yours now',
      'Open dead letters: 0; with the resolved ones:\n' +
        '  position 8, TaskReassigned of task-2, 4 attempts, resolved',
    ],
  'the default policy: stopped before the poison event, resumed there once fixed':
    [
      'start() rejects: EventProcessingError',
      'Subscription failed at position 7, checkpoint 7; 3 notices sent',
      'Started again: live at position 11\n' +
        '  mail sent: carol@example.com: task-2 is yours now',
    ],
}

describeLessonRun(9, shows)
