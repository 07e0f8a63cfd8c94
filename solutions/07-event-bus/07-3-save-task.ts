/**
 * Exercise 07-3: a save whose handlers failed.
 *
 * When a handler on the bus fails, save() rejects with an EventPublishError,
 * and yet the events are stored: the command succeeded, and only the
 * handlers the error names missed its events. An application must tell
 * the two apart. A save that stored nothing failed (retry it, as in lesson
 * 5); a save whose handlers failed did not, and must not be run again.
 * Write saveTask(tasks, task): it saves the task, and
 *   - resolves to { version, missed }: the task's version in the store
 *     after the save, and a line for each handler that failed on an event,
 *     "<handler> missed <eventType> v<aggregateVersion>", in the order of
 *     the error's failures (none when every handler ran);
 *   - rejects with the error of a save that stored nothing, such as an
 *     OptimisticLockError, as it is.
 *
 * Check your work with `npm run verify 07-3`. Stuck? `npm run hint 07-3`.
 */
import { EventPublishError, type AggregateRepository } from 'eventsource-ts'
import type { TaskAggregate } from '../../lessons/03-first-aggregate/tasks.ts'

export interface SaveResult {
  /** The task's version in the store, after the save. */
  version: number
  /** What the failed handlers missed: "notifyReviewer missed …". */
  missed: string[]
}

// #region save
export async function saveTask(
  tasks: AggregateRepository<TaskAggregate>,
  task: TaskAggregate,
): Promise<SaveResult> {
  // #todo saveTask()
  // TODO 1: await tasks.save(task) in a try; when it resolves, every
  //         handler ran: resolve with task.version and nothing missed.
  // TODO 2: catch an EventPublishError (instanceof): the events are
  //         stored. Make a line of each of its failures ({ handler,
  //         event }), and resolve with them.
  // TODO 3: throw any other error again, as it is.
  // #answer
  try {
    await tasks.save(task)
    return { version: task.version, missed: [] }
  } catch (error) {
    // Only handlers failed: the events are stored, the task is committed.
    if (!(error instanceof EventPublishError)) throw error
    const missed = error.failures.map(
      ({ handler, event }) =>
        `${handler} missed ${event?.eventType} v${event?.aggregateVersion}`,
    )
    return { version: task.version, missed }
  }
  // #endtodo
}
// #endregion save
