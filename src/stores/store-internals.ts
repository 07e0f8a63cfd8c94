/**
 * Hooks the library's own parts use on its stores: the checkpoint, snapshot and dead-letter stores that share
 * a store's database, and subscriptions that want to hear of appends. Keyed by symbols, so they stay out of
 * the public API.
 */
import type { StreamDigest } from '../migration/stream-digests.ts'

/** The store's open database driver (throws `NotConnectedError` when the store is not open). */
export const OPEN_DRIVER: unique symbol = Symbol('eventsource-ts.openDriver')

/**
 * Starts calling a listener after appends that wrote events: those made through this store object, and
 * those of other writers where the backend can tell; once an append, as each call costs every live
 * subscription a read. Resolves to a function that stops it.
 */
export const WATCH_APPENDS: unique symbol = Symbol(
  'eventsource-ts.watchAppends',
)

export type StopWatching = () => Promise<void>

export interface WatchesAppends {
  [WATCH_APPENDS](listener: () => void): Promise<StopWatching>
}

export function watchesAppends(store: object): store is WatchesAppends {
  return typeof (store as Partial<WatchesAppends>)[WATCH_APPENDS] === 'function'
}

/** Counts the events of the log up to position `end`, where they are (a migration's total). */
export const COUNT_EVENTS: unique symbol = Symbol('eventsource-ts.countEvents')

export interface CountsEvents {
  [COUNT_EVENTS](end: number): Promise<number>
}

export function countsEvents(store: object): store is CountsEvents {
  return typeof (store as Partial<CountsEvents>)[COUNT_EVENTS] === 'function'
}

/** A stream and its digest, as `StreamDigests` lists them. */
export interface StreamDigestEntry {
  aggregateId: string
  aggregateType: string
  digest: StreamDigest
}

/**
 * Digests the given streams where their events are (in SQL), exactly as `StreamDigests` digests events
 * in JavaScript; a stream the store lacks is left out.
 */
export const STREAM_DIGESTS: unique symbol = Symbol(
  'eventsource-ts.streamDigests',
)

export interface DigestsStreams {
  [STREAM_DIGESTS](
    streams: readonly { aggregateId: string; aggregateType: string }[],
  ): Promise<StreamDigestEntry[]>
}

export function digestsStreams(store: object): store is DigestsStreams {
  return (
    typeof (store as Partial<DigestsStreams>)[STREAM_DIGESTS] === 'function'
  )
}
