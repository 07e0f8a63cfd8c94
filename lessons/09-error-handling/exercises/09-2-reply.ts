/**
 * Exercise 09-2: tell the caller what happened.
 *
 * An HTTP API runs each task command through handleCommand(repository,
 * taskId, command): it loads the task, runs the command, saves the task,
 * and sends the Reply it returns as it is. handleCommand() is written; it
 * hands every error to replyTo(error), which you write. Each error has one
 * meaning, and one reply:
 *
 *   200 { version, warning }  EventPublishError: the save stood, and only
 *                             handlers failed afterwards. The command is
 *                             done: reply with the version it saved
 *                             (error.saved.version), and the error's
 *                             message as the warning.
 *   400 { error }             EventValidationError: the input is wrong
 *                             (an event refused a field).
 *   404 { error }             AggregateNotFoundError: no such task.
 *   409 { error }             OptimisticLockError: another writer saved
 *                             first; the caller may reload and try again.
 *   422 { error }             TaskRuleError: a rule of the task refused.
 *
 * Each `error` is the error's message. Any other error is no answer to
 * give a caller, but a bug or a broken set-up: rethrow it, for the API to
 * log and to answer 500. Tell the library's errors apart with
 * isEventSourceError(error, Kind); TaskRuleError is the task's own class.
 *
 * Check your work with `npm run verify 09-2`. Stuck? `npm run hint 09-2`.
 */
import {
  AggregateNotFoundError,
  EventPublishError,
  EventValidationError,
  isEventSourceError,
  OptimisticLockError,
  type AggregateRepository,
} from 'eventsource-ts'
import {
  TaskRuleError,
  type TaskAggregate,
} from '../../03-first-aggregate/tasks.ts'
import { todo } from '../../todo.ts'

export type Reply =
  | { status: 200; version: number; warning?: string }
  | { status: 400 | 404 | 409 | 422; error: string }

/** Runs one command on a stored task, once, and replies. */
export async function handleCommand(
  repository: AggregateRepository<TaskAggregate>,
  taskId: string,
  command: (task: TaskAggregate) => void,
): Promise<Reply> {
  try {
    const task = await repository.load(taskId)
    command(task)
    await repository.save(task)
    return { status: 200, version: task.version }
  } catch (error) {
    return replyTo(error)
  }
}

/** The reply an error calls for; it rethrows an error that calls for none. */
export function replyTo(error: unknown): Reply {
  // TODO 1: an EventPublishError with `saved`: 200, the saved version, and
  //         the error's message as the warning.
  // TODO 2: 400, 404, 409 and 422 for the four errors above, each with the
  //         error's message.
  // TODO 3: rethrow any other error.
  todo('replyTo()')
}
