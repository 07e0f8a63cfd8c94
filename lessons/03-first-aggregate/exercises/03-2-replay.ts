/**
 * Exercise 03-2: replaying a history gives the same state.
 *
 * A repository (lesson 5) keeps no task in memory: it stores the events a
 * task raised, and rebuilds the task from them whenever it is needed. That
 * works because a task rebuilt from its history is the task that raised it.
 * Write the three functions that show it:
 *   - rebuildTask(taskId, history): a new TaskAggregate with the history
 *     replayed: at the history's version, with nothing left to save;
 *   - sameTask(a, b): whether two tasks are the same: the same id, the same
 *     version, and states equal field by field;
 *   - taskAt(taskId, history, version): the task as it was at `version`,
 *     rebuilt from the events up to that version (0: before its first).
 *
 * Check your work with `npm run verify 03-2`. Stuck? `npm run hint 03-2`.
 */
import { isDeepStrictEqual } from 'node:util'
import type { DomainEvent } from 'eventsource-ts'
import { TaskAggregate } from '../tasks.ts'
import { todo } from '../../todo.ts'

export function rebuildTask(
  taskId: string,
  history: readonly DomainEvent[],
): TaskAggregate {
  // TODO 1: construct a new TaskAggregate for taskId, and replay the
  //         history into it, recording nothing to save.
  todo('rebuildTask()')
}

export function sameTask(a: TaskAggregate, b: TaskAggregate): boolean {
  // TODO 2: compare the ids, the versions and the states. A state is an
  //         object: compare it field by field (isDeepStrictEqual).
  todo('sameTask()')
}

export function taskAt(
  taskId: string,
  history: readonly DomainEvent[],
  version: number,
): TaskAggregate {
  // TODO 3: rebuild the task from the events of the history up to
  //         `version`, that one included.
  todo('taskAt()')
}
