/**
 * What the lesson tries again and again: one append to a task's stream,
 * printed as one line, whether the store wrote it or refused it.
 */
import {
  OptimisticLockError,
  type DomainEvent,
  type EventStore,
} from 'eventsource-ts'

// #region try-append
/**
 * Appends `event` to its task's stream, expecting the stream at
 * `expectedVersion`, and prints `label` and what the store did.
 */
export async function tryAppend(
  store: EventStore,
  label: string,
  event: DomainEvent,
  expectedVersion: number,
): Promise<void> {
  try {
    const { newVersion } = await store.appendEvents({
      aggregateId: event.aggregateId,
      aggregateType: event.aggregateType,
      events: [event],
      expectedVersion,
    })
    console.log(`${label.padEnd(28)} written: version ${newVersion}`)
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error
    console.log(
      `${label.padEnd(28)} OptimisticLockError: ` +
        `stream at ${error.actualVersion}`,
    )
  }
}
// #endregion try-append
