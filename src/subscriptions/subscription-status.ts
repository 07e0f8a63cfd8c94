/**
 * `'catching-up'`: reading the events already stored; `'live'`: caught up, and handling new events as they
 * are committed; `'stopped'`: not running; `'failed'`: it stopped on an error (see `lastError`).
 */
export type SubscriptionState = 'catching-up' | 'live' | 'stopped' | 'failed'

export interface SubscriptionStatus {
  readonly state: SubscriptionState
  /** The global position of the last event it is done with (handled, set aside, or of a type it skips). */
  readonly position: number
  /** How many positions it is behind the last one it saw in the store. */
  readonly lag: number
  /** The last error it met, even when it went on; undefined when none. */
  readonly lastError: Error | undefined
}
