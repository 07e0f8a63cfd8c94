/**
 * The lesson's application, all in one process: a store, a bus, a
 * repository that publishes every save to the bus, and three subscribers
 * that each do their own work with what they hear.
 */
import type {
  AggregateRepository,
  InMemoryEventBus,
  InMemoryEventStore,
} from 'eventsource-ts'
import type { TaskAggregate } from '../03-first-aggregate/tasks.ts'
import { MailServer } from './mail-server.ts'
import { Notifier } from './notifier.ts'
import { TaskCounts } from './task-counts.ts'
import { wireTasks } from './wiring.ts'

export interface Team extends AsyncDisposable {
  store: InMemoryEventStore
  bus: InMemoryEventBus
  tasks: AggregateRepository<TaskAggregate>
  counts: TaskCounts
  mail: MailServer
  notifier: Notifier
  /** A line for each event heard: "task-1 v2 TaskAssigned". */
  audit: string[]
}

/** The application, wired and started; `await using` closes its store. */
export async function openTeam(): Promise<Team> {
  const { store, bus, tasks } = await wireTasks()

  // #region subscribers
  // Subscribed before the first save: the bus keeps nothing for later.
  const counts = new TaskCounts()
  counts.subscribeTo(bus) // a read model
  const mail = new MailServer()
  const notifier = new Notifier(mail, 'dave')
  notifier.subscribeTo(bus) // a side effect
  const audit: string[] = []
  bus.subscribeAll(function auditTrail(event) {
    audit.push(
      `${event.aggregateId} v${event.aggregateVersion} ${event.eventType}`,
    )
  })
  // #endregion subscribers

  return {
    store,
    bus,
    tasks,
    counts,
    mail,
    notifier,
    audit,
    [Symbol.asyncDispose]: () => store.close(),
  }
}
