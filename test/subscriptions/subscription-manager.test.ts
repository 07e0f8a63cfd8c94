import { describe, expect, it } from 'vitest'
import {
  DatabaseBusyError,
  InMemoryCheckpointRepository,
  InMemoryEventStore,
  InvalidArgumentError,
  NotConnectedError,
  SubscriptionManager,
  type EventStore,
} from 'eventsource-ts'
import { NoteCreated, notesRegistry } from '../support/notes.ts'

const openStore = async () => {
  const store = new InMemoryEventStore({ eventRegistry: notesRegistry })
  await store.initialize()
  return store
}
const note = (store: EventStore, aggregateId: string) =>
  store.appendEvents({
    aggregateId,
    aggregateType: 'Note',
    events: [new NoteCreated({ aggregateId, title: 'T', content: '' })],
    expectedVersion: 0,
  })
const counter = (name = 'count') => {
  const subscriber = { name, count: 0, handle: () => void subscriber.count++ }
  return subscriber
}

describe('SubscriptionManager', () => {
  it('refuses bad options and subscribers with InvalidArgumentError that says what is wrong', async () => {
    const eventStore = await openStore()
    const checkpointRepository = new InMemoryCheckpointRepository()
    const make = (extra: object = {}) =>
      new SubscriptionManager({ eventStore, checkpointRepository, ...extra })
    expect(() => make({ pollInterval: 0 })).toThrow(
      /pollInterval must be an integer of 1 or more/,
    )
    expect(() => make({ colour: 'red' })).toThrow(/unknown option "colour"/)
    expect(() => new SubscriptionManager({ eventStore } as never)).toThrow(
      /checkpointRepository must be an object with getPosition\(\), savePosition\(\)/,
    )
    const manager = make()
    const subscribe = (subscriber: unknown, options?: unknown) => () =>
      manager.subscribe(subscriber as never, options as never)
    expect(subscribe({ name: 'x' })).toThrow(/a name and handle\(stored\)/)
    expect(subscribe({ name: '', handle() {} })).toThrow(InvalidArgumentError)
    expect(
      subscribe({ name: 'x', eventTypes: 'NoteCreated', handle() {} }),
    ).toThrow(/eventTypes must be an array of non-empty strings/)
    expect(subscribe(counter(), { startFrom: 'middle' })).toThrow(
      /startFrom must be/,
    )
    expect(subscribe(counter(), { startFrom: -1 })).toThrow(/startFrom must be/)
    expect(subscribe(counter(), { batchSize: 0 })).toThrow(/batchSize/)
    expect(subscribe(counter(), { retry: { maxAttempts: 0 } })).toThrow(
      /retry.maxAttempts/,
    )
    expect(
      subscribe(counter(), { retry: { initialDelay: 50, maxDelay: 10 } }),
    ).toThrow(
      /retry.maxDelay \(10\) must be at least retry.initialDelay \(50\)/,
    )
    expect(subscribe(counter(), { onError: 'ignore' })).toThrow(
      /onError must be/,
    )
    expect(subscribe(counter(), { onError: 'dead-letter' })).toThrow(
      /give the SubscriptionManager a deadLetterStore/,
    )
    expect(subscribe(counter(), { batch: 5 })).toThrow(/unknown option "batch"/)
    manager.subscribe(counter())
    expect(subscribe(counter())).toThrow(/named "count" already/)
    expect(() => manager.status('other')).toThrow(
      /no subscription is named "other"; the subscriptions are "count"/,
    )
    await expect(manager.replayDeadLetters('count')).rejects.toThrow(
      /has no deadLetterStore/,
    )
    await expect(manager.waitForPosition(-1)).rejects.toThrow(
      InvalidArgumentError,
    )
  })

  it('stops with `await using`, and a subscription added while running starts at once', async () => {
    const store = await openStore()
    await note(store, 'n1')
    const early = counter('early')
    const late = counter('late')
    let manager: SubscriptionManager
    {
      await using subscriptions = new SubscriptionManager({
        eventStore: store,
        checkpointRepository: new InMemoryCheckpointRepository(),
      })
      manager = subscriptions
      subscriptions.subscribe(early)
      await subscriptions.start()
      subscriptions.subscribe(late)
      await subscriptions.waitForPosition()
      expect(subscriptions.status('late')).toMatchObject({ position: 1 })
    }
    expect(manager.status('early').state).toBe('stopped')
    expect(manager.status('late').state).toBe('stopped')
    expect([early.count, late.count]).toEqual([1, 1])
    await expect(manager.waitForPosition(5)).rejects.toThrow(
      /is stopped at position 1, before position 5: start\(\) it/,
    )
  })

  it('fails at start on a store that is not open, saying what to call', async () => {
    const store = new InMemoryEventStore({ eventRegistry: notesRegistry })
    const subscriptions = new SubscriptionManager({
      eventStore: store,
      checkpointRepository: new InMemoryCheckpointRepository(),
    })
    subscriptions.subscribe(counter())
    await expect(subscriptions.start()).rejects.toThrow(NotConnectedError)
    expect(subscriptions.status('count')).toMatchObject({
      state: 'failed',
      lastError: expect.any(NotConnectedError),
    })
    await subscriptions.stop()
  })

  it('waits out a store that is busy, then goes on', async () => {
    const store = await openStore()
    await note(store, 'n1')
    let busy = 2
    // The store answers DatabaseBusyError twice, as a locked database would.
    const flaky = new Proxy(store, {
      get(target, key, receiver) {
        if (key === 'getGlobalPosition' && busy > 0)
          return async () => {
            busy--
            throw new DatabaseBusyError('locked')
          }
        const value = Reflect.get(target, key, receiver) as unknown
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    const count = counter()
    const subscriptions = new SubscriptionManager({
      eventStore: flaky,
      checkpointRepository: new InMemoryCheckpointRepository(),
    })
    subscriptions.subscribe(count, { retry: { initialDelay: 1, maxDelay: 2 } })
    await subscriptions.start()
    expect(count.count).toBe(1)
    expect(subscriptions.status('count')).toMatchObject({
      state: 'live',
      lastError: expect.any(DatabaseBusyError),
    })
    await subscriptions.stop()
  })
})
