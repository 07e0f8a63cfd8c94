/** Lesson 4 runs as a learner runs it, and prints what the lesson teaches. */
import { describeLessonRun } from './lesson-run.ts'

/** What the learner must see, by what it shows. */
const shows: Record<string, string[]> = {
  "a task's events appended with expected versions, numbered by version and by global position":
    [
      'Appended 2 events to a new stream: newVersion 2, globalPosition 2, skipped 0',
      'Appended 1 more, expecting version 2: newVersion 3, globalPosition 3',
      "task-2's first event: newVersion 1, globalPosition 4",
    ],
  'each kind of expected version met, and refused when it is not, and ANY checking nothing':
    [
      'NO_STREAM, a new task-3:     written: version 1',
      'NO_STREAM, task-3 again:     OptimisticLockError: stream at 1',
      'STREAM_EXISTS, task-404:     OptimisticLockError: stream at 0',
      'STREAM_EXISTS, task-3:       written: version 2',
      'exactly 2, task-3 at 2:      written: version 3',
      'exactly 2, task-3 now at 3:  OptimisticLockError: stream at 3',
      'ANY, task-3 at 3:            written: version 4',
      'task-3: TaskCreated, TaskAssigned, TaskCompleted, TaskReassigned',
    ],
  'two writers at version 3: the first wins, the second gets an OptimisticLockError with its fields, and decides again':
    [
      'Bob and Alice both read task-5 at version 3: pending, assigned to bob',
      'Bob completes it, expecting version 3: written as version 4',
      'Alice reassigns it, expecting version 3: OptimisticLockError\n  Concurrency conflict on Task task-5: expected version 3, but the stream is\n  at version 4. Nothing was written',
      '  aggregateId task-5, aggregateType Task, expectedVersion 3, actualVersion 4',
      'Read again: version 4, completed by bob',
      'reassign() again: TaskRuleError\n  A completed task cannot be reassigned: reopen it first.',
    ],
  'a stream read back whole, after a version, by its version alone, and a stream never written':
    [
      'Task task-6: version 4, 4 events\n  v1 TaskCreated\n  v2 TaskAssigned\n  v3 TaskCompleted\n  v4 TaskReopened',
      'Replayed: version 4, pending',
      'After version 2: TaskCompleted, TaskReopened (the stream is at 4)',
      "getStreamVersion('task-6', 'Task'): 4",
      'Project task-6: 0 events, version 0; Task task-404: version 0',
    ],
  'the log in global order, and what fromPosition, limit, backward and the filters yield':
    [
      '  #1 task-1 v1 TaskCreated\n  #2 task-1 v2 TaskAssigned\n  #3 task-2 v1 TaskCreated\n  #4 order-1 v1 OrderPlaced',
      '  #8 task-1 v4 TaskReopened',
      '#1 is TaskCreated task-1, storedAt ',
      'fromPosition: 3                  #4 #5 #6 #7 #8',
      'fromPosition: 3, limit: 2        #4 #5',
      "direction: 'backward', limit: 3  #8 #7 #6",
      "'backward', fromPosition: 5      #8 #7 #6",
      "eventTypes: ['TaskCompleted']    #5 #7",
      "aggregateTypes: ['Order']        #4",
      "tenantId: 'globex'               #3 #4 #6 #7",
      "tenantId: 'acme', limit: 2       #1 #2",
      'getGlobalPosition(): 8',
    ],
  'a retried append skipped by its event ids, and an event built again refused or written twice':
    [
      'First append:      newVersion 1, skipped 0',
      'The same, again:   newVersion 1, skipped 1: nothing written',
      'getGlobalPosition(): 1',
      'eventExists: the TaskCreated true, a new id false',
      'Built again, NO_STREAM:      OptimisticLockError: stream at 1',
      'Built again, ANY:            written: version 2',
    ],
  'NotConnectedError outside initialize() and close(), await using, and one contract on two stores':
    [
      'A new store: isConnected false',
      'Used before initialize(): NotConnectedError\n  InMemoryEventStore is not connected: call "await store.initialize()"',
      'initialize(), twice: isConnected true',
      'close(), twice: isConnected false',
      'Used after close(): NotConnectedError',
      'After its block: isConnected false',
      'InMemoryEventStore  version 2, retry skipped 2, conflict at 2, backward 2 1',
      'SQLiteEventStore    version 2, retry skipped 2, conflict at 2, backward 2 1',
    ],
}

describeLessonRun(4, shows)
