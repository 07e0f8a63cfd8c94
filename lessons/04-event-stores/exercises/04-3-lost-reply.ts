/**
 * Exercise 04-3: a retry after a lost reply writes nothing twice.
 *
 * Between an application and its store there is a network, and it loses
 * messages. When the connection drops during an append, the caller gets a
 * ConnectionLostError and cannot tell what happened: the request may have
 * been lost (nothing was written), or only the reply (it was). Either way
 * the answer is to send it again, the same append, with the same events:
 * the store knows its events by their eventId, and an append whose events
 * it already holds writes nothing and reports them as `skipped`.
 *
 * Write completeReliably(append, taskId, completedBy, expectedVersion,
 * maxAttempts). It sends one TaskCompleted for the task through `append`,
 * expecting the stream at `expectedVersion`, and returns the store's
 * result and how many attempts it took. After a ConnectionLostError it
 * tries again, at most `maxAttempts` times in all, then throws the last
 * error. Any other error (an OptimisticLockError: a real conflict) is
 * thrown at once: sending it again would not change it.
 *
 * Check your work with `npm run verify 04-3`. Stuck? `npm run hint 04-3`.
 */
import type { AppendEventsInput, AppendResult } from 'eventsource-ts'
import { TaskCompleted } from '../../03-first-aggregate/tasks.ts'
import { ConnectionLostError, type Append } from '../unreliable-link.ts'
import { todo } from '../../todo.ts'

export interface Delivery {
  /** The store's reply to the attempt that got one. */
  result: AppendResult
  /** How many times the append was sent, that one included. */
  attempts: number
}

export async function completeReliably(
  append: Append,
  taskId: string,
  completedBy: string,
  expectedVersion: number,
  maxAttempts = 3,
): Promise<Delivery> {
  // TODO 1: build the TaskCompleted and the append's input, once, before
  //         the first attempt.
  // TODO 2: send it with append(); when a reply comes, return it with the
  //         number of attempts.
  // TODO 3: after a ConnectionLostError, send the same input again, until
  //         maxAttempts attempts are made; then throw the last error. Throw
  //         any other error at once.
  todo('completeReliably()')
}
