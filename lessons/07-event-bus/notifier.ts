/**
 * The lesson's side effect on the bus: mails to the people a task concerns.
 * Work of this kind is what a bus is for: it happens once, when the event
 * is saved, and a rebuild from the log must never do it again.
 */
import type { InMemoryEventBus } from 'eventsource-ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskReassigned,
} from '../03-first-aggregate/tasks.ts'
import type { MailServer } from './mail-server.ts'

// #region notifier
/** Mails a task's new assignee, and the reviewer when one is completed. */
export class Notifier {
  constructor(
    readonly mail: MailServer,
    readonly reviewer: string,
  ) {}

  // Handlers are functions with names: a failure names its handler by it.
  readonly notifyAssignee = (event: TaskAssigned | TaskReassigned) => {
    const to =
      event.eventType === 'TaskAssigned' ? event.assignee : event.newAssignee
    this.mail.send(to, `${event.aggregateId} is yours`)
  }

  readonly notifyReviewer = (event: TaskCompleted) => {
    const { aggregateId, completedBy } = event
    this.mail.send(
      this.reviewer,
      `${aggregateId} was completed by ${completedBy}`,
    )
  }

  subscribeTo(bus: InMemoryEventBus): void {
    bus.subscribe(TaskAssigned, this.notifyAssignee)
    bus.subscribe(TaskReassigned, this.notifyAssignee)
    bus.subscribe(TaskCompleted, this.notifyReviewer)
  }
}
// #endregion notifier
