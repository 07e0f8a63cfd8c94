/**
 * Exercise 04-1: a stale expected version, caught and retried.
 *
 * Alice read task-1 at some version, `seenVersion`, and decided to complete
 * it. Meanwhile another writer may have appended to the stream: here, Bob
 * assigned the task to himself. An assignment does not stop a completion,
 * so Alice's decision still holds, and her append may go after his.
 *
 * Write completeTask(store, taskId, completedBy, seenVersion). It appends
 * one TaskCompleted to the task's stream, expecting `seenVersion`:
 *   - when the stream is still at `seenVersion`, that is all: it returns
 *     { conflict: null, newVersion };
 *   - when it has moved on, the store throws an OptimisticLockError and
 *     writes nothing. Catch that error (and no other: rethrow the rest),
 *     retry once, expecting the version the error says the stream is at,
 *     and return { conflict: the error, newVersion }. If the stream moved
 *     again before the retry, the retry's OptimisticLockError goes to the
 *     caller.
 *
 * Check your work with `npm run verify 04-1`. Stuck? `npm run hint 04-1`.
 */
import {
  OptimisticLockError,
  type AppendEventsInput,
  type EventStore,
} from 'eventsource-ts'
import { TaskCompleted } from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

export interface Completion {
  /** The conflict the first append met, or null when it was written. */
  conflict: OptimisticLockError | null
  /** The stream's version once the TaskCompleted is written. */
  newVersion: number
}

export async function completeTask(
  store: EventStore,
  taskId: string,
  completedBy: string,
  seenVersion: number,
): Promise<Completion> {
  const append: AppendEventsInput = {
    aggregateId: taskId,
    aggregateType: 'Task',
    events: [new TaskCompleted({ aggregateId: taskId, completedBy })],
    expectedVersion: seenVersion,
  }
  // TODO 1: append `append` with store.appendEvents(); when it succeeds,
  //         return { conflict: null, newVersion } from its result.
  // TODO 2: catch the error; rethrow it unless it is an OptimisticLockError
  //         (error instanceof OptimisticLockError).
  // TODO 3: append again, expecting the error's actualVersion, and return
  //         the error as the conflict, with the retry's newVersion.
  todo('completeTask()')
}
