/**
 * Reading the whole log: every stream's events in one order, from a
 * position, a page at a time, backwards, and filtered.
 */
import { InMemoryEventStore, type ReadAllOptions } from 'eventsource-ts'
import { collect } from '../collect.ts'
import { appendInOrder, sampleLog } from '../sample-log.ts'

export default async function readAll(): Promise<void> {
  await using store = new InMemoryEventStore()
  await store.initialize()
  await appendInOrder(store, sampleLog())

  // #region read-all
  console.log('The whole log: globalPosition, stream, streamPosition, event')
  for await (const stored of store.readAll()) {
    const { globalPosition, streamPosition, event } = stored
    console.log(
      `  #${globalPosition} ${event.aggregateId} v${streamPosition} ` +
        event.eventType,
    )
  }
  // #endregion read-all

  // #region stored-event
  // readAll() yields StoredEvents: the event, and where and when the store
  // put it.
  for await (const first of store.readAll({ limit: 1 })) {
    const { storedAt, event } = first
    console.log(
      `#1 is ${event.eventType} ${event.aggregateId}, ` +
        `storedAt ${storedAt.toISOString()}`,
    )
  }
  // #endregion stored-event

  // #region positions
  /** The global positions that readAll(options) yields, as "#4 #5". */
  async function positions(options: ReadAllOptions): Promise<string> {
    const found = await collect(store.readAll(options))
    return found.map((stored) => `#${stored.globalPosition}`).join(' ')
  }
  const show = async (label: string, options: ReadAllOptions) =>
    console.log(`${label.padEnd(32)} ${await positions(options)}`)
  // #endregion positions

  // #region from-position
  // fromPosition means "after that position": a reader that has handled #3
  // passes 3, and goes on with #4.
  await show('fromPosition: 3', { fromPosition: 3 })
  await show('fromPosition: 3, limit: 2', { fromPosition: 3, limit: 2 })
  // #endregion from-position

  // #region backward
  // Newest first. fromPosition still means "after", whatever the direction.
  await show("direction: 'backward', limit: 3", {
    direction: 'backward',
    limit: 3,
  })
  await show("'backward', fromPosition: 5", {
    direction: 'backward',
    fromPosition: 5,
  })
  // #endregion backward

  // #region filters
  // The store filters before it counts, so a limit counts matching events.
  await show("eventTypes: ['TaskCompleted']", {
    eventTypes: ['TaskCompleted'],
  })
  await show("aggregateTypes: ['Order']", { aggregateTypes: ['Order'] })
  await show("tenantId: 'globex'", { tenantId: 'globex' })
  await show("tenantId: 'acme', limit: 2", { tenantId: 'acme', limit: 2 })
  // #endregion filters

  // #region global-position
  console.log(`getGlobalPosition(): ${await store.getGlobalPosition()}`)
  // #endregion global-position
}
