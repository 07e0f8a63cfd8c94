/**
 * The lesson's read model on the bus: how many tasks are pending and how
 * many completed, kept up to date by handlers that the bus calls as each
 * save is published.
 */
import type { InMemoryEventBus } from 'eventsource-ts'
import {
  TaskCompleted,
  TaskCreated,
  TaskReopened,
} from '../03-first-aggregate/tasks.ts'

// #region counts
export class TaskCounts {
  pending = 0
  completed = 0

  /** Subscribes a handler to each event class that changes the counts. */
  subscribeTo(bus: InMemoryEventBus): void {
    bus.subscribe(TaskCreated, () => {
      this.pending += 1
    })
    bus.subscribe(TaskCompleted, () => {
      this.pending -= 1
      this.completed += 1
    })
    bus.subscribe(TaskReopened, () => {
      this.completed -= 1
      this.pending += 1
    })
  }
}
// #endregion counts
