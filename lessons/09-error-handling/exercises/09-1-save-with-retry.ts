/**
 * Exercise 09-1: save with retry, waiting longer after each conflict.
 *
 * saveWithRetry(repository, id, operation, options) changes a stored
 * aggregate: it loads it, runs operation(aggregate) (await it: it may be
 * async), and saves it. When the save throws an OptimisticLockError,
 * another writer saved first: wait, then load the aggregate again, run the
 * operation again on the fresh one, and save again.
 *
 * - Backoff: the first wait is initialDelay (10 ms), and each one after it
 *   twice the one before, never more than maxDelay (1000 ms): 10, 20, 40.
 * - Exhaustion: after maxRetries retries (3: four attempts in all), rethrow
 *   the last OptimisticLockError, without waiting again.
 * - Nothing else is retried: any other error is rethrown at once. A rule's
 *   refusal or a missing aggregate gives the same answer every time, and
 *   after an EventPublishError the save stood: running the operation again
 *   would do it twice.
 *
 * Wait with `wait`, which is options.sleep when given: the checks give one
 * that notes each wait and returns at once. It returns the aggregate it
 * saved.
 *
 * Check your work with `npm run verify 09-1`. Stuck? `npm run hint 09-1`.
 */
import {
  isEventSourceError,
  OptimisticLockError,
  type AggregateRepository,
  type AggregateRoot,
} from 'eventsource-ts'
import { todo } from '../../todo.ts'

export interface SaveRetryOptions {
  /** Retries after the first attempt (default 3). */
  maxRetries?: number
  /** Milliseconds before the first retry (default 10). */
  initialDelay?: number
  /** The longest wait, in milliseconds (default 1000). */
  maxDelay?: number
  /** How to wait (default: a real timer). */
  sleep?: (ms: number) => Promise<void>
}

/** Waits `ms` milliseconds, for real. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms))

export async function saveWithRetry<A extends AggregateRoot<unknown>>(
  repository: AggregateRepository<A>,
  id: string,
  operation: (aggregate: A) => void | Promise<void>,
  options: SaveRetryOptions = {},
): Promise<A> {
  const {
    maxRetries = 3,
    initialDelay = 10,
    maxDelay = 1000,
    sleep: wait = sleep,
  } = options
  // TODO 1: load the aggregate, await operation(aggregate), save it, and
  //         return it.
  // TODO 2: when save() throws an OptimisticLockError, wait, then do it
  //         all again: load, operation, save. Wait initialDelay the first
  //         time, twice as long each time after, at most maxDelay.
  // TODO 3: rethrow the OptimisticLockError once maxRetries retries have
  //         failed too, and any other error at once.
  todo('saveWithRetry()')
}
