// How often a store wakes a watcher of its appends (the hook a SubscriptionManager watches with): each
// wake costs every live subscription a pass over the log.
import { randomUUID } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { expect, vi } from 'vitest'
import type { AppendEventsInput, EventStore } from 'eventsource-ts'
import {
  WATCH_APPENDS,
  type WatchesAppends,
} from '../../src/stores/store-internals.ts'
import { NoteCreated } from './notes.ts'

const newStream = (aggregateId = randomUUID()): AppendEventsInput => ({
  aggregateId,
  aggregateType: 'Note',
  events: [new NoteCreated({ aggregateId, title: 't', content: 'c' })],
  expectedVersion: 0,
})

/**
 * Opens `store` and `other`, then expects one wake an append that wrote, through `store` or through
 * `other` (another connection to its database, where it has one), and none for an append that wrote
 * nothing. A count is read once a late second wake has had time to come, and, with `other`, after an
 * append through it has woken the watcher: that wake follows those of the appends before it.
 */
export async function expectOneWakeAnAppend(
  store: EventStore & WatchesAppends,
  other?: EventStore,
): Promise<void> {
  await store.initialize()
  await other?.initialize()
  let wakes = 0
  const stop = await store[WATCH_APPENDS](() => void wakes++)
  try {
    wakes = 0 // a watch may begin with a wake, for what committed before it listened
    let expected = 0
    const settle = async () => {
      await sleep(50)
      if (other) {
        await other.appendEvents(newStream())
        expected++
        await vi.waitFor(() => expect(wakes).toBeGreaterThanOrEqual(expected))
      }
      expect(wakes).toBe(expected)
    }
    const append = newStream()
    await store.appendEvents(append)
    expected++
    await settle()
    await store.appendEvents(append) // a retry that had succeeded
    await store.appendEvents({ ...append, events: [] })
    await settle()
  } finally {
    await stop()
  }
}
