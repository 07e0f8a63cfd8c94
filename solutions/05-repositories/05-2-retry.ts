/**
 * Exercise 05-2: retry a conflict by reloading and running the command
 * again.
 *
 * updateTask(repository, taskId, command, maxAttempts) changes a stored
 * task: it loads the task, runs the command on it, and saves it. When the
 * save fails with an OptimisticLockError, another writer saved the task
 * after it was loaded: load it again, run the command again on the fresh
 * task (whose rules may now refuse it), and save again. Stop after
 * maxAttempts attempts in all, the first one included, and rethrow the
 * last OptimisticLockError. Any other error is no conflict, and a retry
 * would not change it: let it through at once. It returns the saved task.
 *
 * Check your work with `npm run verify 05-2`. Stuck? `npm run hint 05-2`.
 */
import { OptimisticLockError, type AggregateRepository } from 'eventsource-ts'
import type { TaskAggregate } from '../../lessons/03-first-aggregate/tasks.ts'

/** What to do to a task: call its commands, such as task.complete('bob'). */
export type TaskCommand = (task: TaskAggregate) => void

// #region update
export async function updateTask(
  repository: AggregateRepository<TaskAggregate>,
  taskId: string,
  command: TaskCommand,
  maxAttempts = 3,
): Promise<TaskAggregate> {
  // #todo updateTask()
  // TODO 1: load the task, run command(task), and save it.
  // TODO 2: when save() throws an OptimisticLockError, do it all again:
  //         load, command, save. Rethrow once maxAttempts attempts have
  //         failed, and rethrow any other error at once.
  // #answer
  for (let attempt = 1; ; attempt++) {
    const task = await repository.load(taskId)
    command(task)
    try {
      await repository.save(task)
      return task
    } catch (error) {
      const conflict = error instanceof OptimisticLockError
      if (!conflict || attempt >= maxAttempts) throw error
    }
  }
  // #endtodo
}
// #endregion update
