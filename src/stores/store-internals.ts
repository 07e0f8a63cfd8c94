/**
 * Hooks the library's own parts use on its stores: the checkpoint, snapshot and dead-letter stores that share
 * a store's database, and subscriptions that want to hear of appends. Keyed by symbols, so they stay out of
 * the public API.
 */

/** The store's open database driver (throws `NotConnectedError` when the store is not open). */
export const OPEN_DRIVER: unique symbol = Symbol('eventsource-ts.openDriver')

/**
 * Starts calling a listener after appends: those made through this store object, and those of other
 * writers where the backend can tell. Resolves to a function that stops it.
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
