import { afterEach, beforeEach } from 'vitest'
import type { EventRegistry } from '../../events/registry.ts'
import type { EventStore } from '../../stores/event-store.ts'
import { registry } from '../fixtures.ts'
import type { ProcessingContractTarget } from './fixtures.ts'

/** The store of the test running now, and a way to have things closed after it. */
export interface Harness {
  readonly target: ProcessingContractTarget
  readonly store: EventStore
  /** Runs `cleanUp` after the test, latest first, before the store closes. */
  later(cleanUp: () => unknown): void
  /** A second store over this test's storage (`target.connect`), initialized and closed after the test. */
  connect(registry?: EventRegistry): Promise<EventStore>
}

/** Gives each test a fresh, initialized store of the target, and closes what the test opened. */
export function useHarness(target: ProcessingContractTarget): Harness {
  let store: EventStore | undefined
  const cleanUps: (() => unknown)[] = []
  beforeEach(async () => {
    store = await target.create(registry)
    await store.initialize()
  })
  afterEach(async () => {
    for (const cleanUp of cleanUps.splice(0).reverse()) await cleanUp()
    await store?.close()
  })
  return {
    target,
    get store() {
      return store!
    },
    later: (cleanUp) => void cleanUps.push(cleanUp),
    async connect(other = registry) {
      const connected = await target.connect!(other, store!)
      await connected.initialize()
      cleanUps.push(() => connected.close())
      return connected
    },
  }
}
