/**
 * The SQLite store on its browser engine, SQLite compiled to WebAssembly (@sqlite.org/sqlite-wasm), run in
 * Node: the same store contract as on better-sqlite3, and the event-processing stores on its database.
 */
import { describe, expect, it } from 'vitest'
import {
  SQLiteCheckpointRepository,
  SQLiteEventStore,
  StoreConnectionError,
} from 'eventsource-ts'
import { describeEventStoreContract } from 'eventsource-ts/testing'
import * as wasm from '../../src/stores/sqlite/sqlite-wasm.ts'

/** The store as a browser bundle gets it: the `browser` condition picks this engine. */
class BrowserSQLiteEventStore extends SQLiteEventStore {
  protected static override readonly engine = {
    open: wasm.openSQLite,
    watch: wasm.watchDatabase,
  }
}

describeEventStoreContract({
  name: 'SQLiteEventStore :memory: on sqlite-wasm',
  create: (eventRegistry) =>
    new BrowserSQLiteEventStore(':memory:', { eventRegistry }),
})

describe('SQLiteEventStore on sqlite-wasm', () => {
  it('keeps checkpoints in its database, as on better-sqlite3', async () => {
    await using store = new BrowserSQLiteEventStore(':memory:')
    await store.initialize()
    const checkpoints = new SQLiteCheckpointRepository(store)
    await checkpoints.savePosition('note-count', 42)
    expect(await checkpoints.getPosition('note-count')).toBe(42)
  })

  it('refuses a file, which a page does not have, saying to use :memory:', async () => {
    const store = new BrowserSQLiteEventStore('./events.db')
    const opening = store.initialize()
    await expect(opening).rejects.toThrow(StoreConnectionError)
    await expect(opening).rejects.toThrow(
      /in a browser, .* keeps its database in memory/,
    )
    expect(store.isConnected).toBe(false)
  })

  it('reports its driver available, as it is bundled with the page', () => {
    expect(wasm.SQLITE_AVAILABLE).toBe(true)
  })
})
