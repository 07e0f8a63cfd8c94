/**
 * Versions: every event carries the version it gives its aggregate, and
 * applyEvent() refuses one out of order or of another aggregate.
 */
import { EventVersionError, type DomainEvent } from 'eventsource-ts'
import { printError } from '../print-error.ts'
import { TaskAggregate, TaskCompleted, TaskCreated } from '../tasks.ts'

export default function versions(): void {
  // #region next-version
  const task = new TaskAggregate('task-5')
  console.log(
    `A new task: version ${task.version}, ` +
      `getNextVersion() ${task.getNextVersion()}`,
  )
  task.create('Check the versions')
  console.log(
    `After create(): version ${task.version}, ` +
      `getNextVersion() ${task.getNextVersion()}`,
  )
  // #endregion next-version

  // #region refused
  const wrong: Record<string, DomainEvent> = {
    'v5 on a task at version 1': new TaskCompleted({
      aggregateId: 'task-5',
      aggregateVersion: 5, // should be task.getNextVersion(), 2
      completedBy: 'alice',
    }),
    "another task's event": new TaskCompleted({
      aggregateId: 'task-6',
      aggregateVersion: 2,
      completedBy: 'alice',
    }),
  }
  for (const [what, event] of Object.entries(wrong)) {
    try {
      task.applyEvent(event)
    } catch (error) {
      if (!(error instanceof EventVersionError)) throw error
      printError(what, error)
    }
  }
  console.log(`Neither was applied: still version ${task.version}`)
  // #endregion refused

  // #region gap
  // A history must run 1, 2, 3… with no gap: replay refuses the first event
  // out of place, and the half-loaded aggregate is thrown away.
  const gap = [
    new TaskCreated({ aggregateId: 'task-7', title: 'Gap', description: '' }),
    new TaskCompleted({
      aggregateId: 'task-7',
      aggregateVersion: 3,
      completedBy: 'alice',
    }),
  ]
  try {
    new TaskAggregate('task-7').loadFromHistory(gap)
  } catch (error) {
    if (!(error instanceof EventVersionError)) throw error
    const { expectedVersion, actualVersion } = error
    console.log(
      `A history with a gap: ${error.name}, ` +
        `expected version ${expectedVersion}, got ${actualVersion}`,
    )
  }
  // #endregion gap
}
