/**
 * What a projection must not do: fail on an event it does not know, or
 * read the clock. Both break the promise that the log rebuilds it.
 */
import { setTimeout as sleep } from 'node:timers/promises'
import { isDeepStrictEqual } from 'node:util'
import { z } from 'zod'
import {
  defineEvent,
  Projection,
  type DomainEvent,
  type EventSubscriber,
  type StoredEvent,
} from 'eventsource-ts'
import { printError } from '../../03-first-aggregate/print-error.ts'
import {
  TaskAssigned,
  TaskCompleted,
  TaskCreated,
  TaskReassigned,
  TaskReopened,
} from '../../03-first-aggregate/tasks.ts'
import { TaskBoard } from '../board.ts'
import { feed } from '../feed.ts'
import { storeWith } from '../history.ts'

// #region clock
/** When each task last changed, by the time `stamp` gives an event. */
class LastChanged extends Projection {
  readonly name = 'last-changed'
  readonly changedAt = new Map<string, Date>()

  constructor(stamp: (event: DomainEvent) => Date) {
    super()
    const events = [
      TaskCreated,
      TaskAssigned,
      TaskReassigned,
      TaskCompleted,
      TaskReopened,
    ]
    for (const eventClass of events)
      this.on(eventClass, (event) => {
        this.changedAt.set(event.aggregateId, stamp(event))
      })
  }

  override reset(): void {
    this.changedAt.clear()
  }
}
// #endregion clock

export default async function pitfalls(): Promise<void> {
  await using store = await storeWith() // the story's 11 events
  const board = new TaskBoard()
  await feed(board, store)

  // #region unknown
  // An event of a newer version of the application, that this code has no
  // handler for (registered nowhere, to stay out of the course's registry).
  const TaskPrioritised = defineEvent({
    eventType: 'TaskPrioritised',
    aggregateType: 'Task',
    schema: z.object({ priority: z.enum(['low', 'high']) }),
    registry: false,
  })
  const newer: StoredEvent = {
    event: new TaskPrioritised({
      aggregateId: 'task-2',
      aggregateVersion: 4,
      priority: 'high',
    }),
    globalPosition: 12,
    streamPosition: 4,
    storedAt: new Date(),
  }

  // A Projection passes over an event it has no handler for.
  await board.handle(newer)
  console.log(
    `TaskBoard and TaskPrioritised: ignored, ${board.cards().length} ` +
      'cards as before',
  )

  // A subscriber that refuses what it does not know stops at this event,
  // and so does everything fed after it.
  const known = new Set(board.eventTypes)
  const strict: EventSubscriber = {
    name: 'strict',
    handle({ event }) {
      if (!known.has(event.eventType))
        throw new Error(`strict has no handler for ${event.eventType}.`)
    },
  }
  try {
    await strict.handle(newer)
  } catch (error) {
    if (!(error instanceof Error)) throw error
    printError('strict and TaskPrioritised', error)
  }
  // #endregion unknown

  // #region wall-clock
  const stamps = {
    'new Date()': () => new Date(),
    'event.occurredAt': (event: DomainEvent) => event.occurredAt,
  }
  for (const [what, stamp] of Object.entries(stamps)) {
    const changed = new LastChanged(stamp)
    await feed(changed, store)
    const live = new Map(changed.changedAt)
    await sleep(5) // a rebuild runs later: tomorrow, or a few ms on
    changed.reset()
    await feed(changed, store)
    const same = isDeepStrictEqual(changed.changedAt, live)
    console.log(
      `changedAt = ${`${what}:`.padEnd(17)} ` +
        `a rebuild gives the same read model: ${same}`,
    )
  }
  // #endregion wall-clock
}
