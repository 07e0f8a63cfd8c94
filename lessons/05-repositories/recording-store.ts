/**
 * For the checks: an event store that passes every call on to a real one,
 * and lets the checks watch or step into its reads and appends.
 */
import type { AppendEventsInput, EventStore } from 'eventsource-ts'

export interface StoreHooks {
  /** Called before each getEvents(). */
  onRead?: () => void
  /** Called, and awaited, before each appendEvents() reaches the store. */
  onAppend?: (options: AppendEventsInput) => Promise<void> | void
}

/** `store`, with `hooks` called before its reads and appends. */
export function recordingStore(
  store: EventStore,
  hooks: StoreHooks,
): EventStore {
  return new Proxy(store, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target)
      if (key === 'getEvents')
        return (...args: Parameters<EventStore['getEvents']>) => {
          hooks.onRead?.()
          return target.getEvents(...args)
        }
      if (key === 'appendEvents')
        return async (options: AppendEventsInput) => {
          await hooks.onAppend?.(options)
          return target.appendEvents(options)
        }
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
