// Concurrency on a real PostgreSQL server: positions become visible in commit order, and concurrent writers
// lose nothing. (PGlite has one connection, so nothing there runs concurrently.)
import { randomUUID } from 'node:crypto'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ExpectedVersion,
  OptimisticLockError,
  PostgreSQLEventStore,
  type EventStore,
} from 'eventsource-ts'
import { NoteCreated, NoteUpdated, notesRegistry } from '../support/notes.ts'
import { usePostgresDatabase } from '../support/postgres-server.ts'

const server = usePostgresDatabase()
let pool: pg.Pool
let reader: PostgreSQLEventStore
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: server.url, max: 12 })
  reader = new PostgreSQLEventStore({ pool, eventRegistry: notesRegistry })
  await reader.initialize()
})
afterAll(async () => {
  await reader.close()
  await pool.end()
})

/** Stores of their own connections, initialized: writers that the server runs at the same time. */
async function writerStores(count: number): Promise<PostgreSQLEventStore[]> {
  const stores = Array.from(
    { length: count },
    () =>
      new PostgreSQLEventStore({
        connectionString: server.url,
        eventRegistry: notesRegistry,
      }),
  )
  await Promise.all(stores.map((store) => store.initialize()))
  return stores
}

/** A reader that follows the log, as a subscription does: it resumes after the last position it has seen. */
function tail(store: EventStore) {
  const seen: { eventId: string; globalPosition: number }[] = []
  return {
    seen,
    async poll() {
      for await (const stored of store.readAll({
        fromPosition: seen.at(-1)?.globalPosition ?? 0,
      })) {
        seen.push({
          eventId: stored.event.eventId,
          globalPosition: stored.globalPosition,
        })
      }
    },
  }
}

describe('global positions become visible in commit order', () => {
  // One append as the store makes it, but inside a transaction the test commits when it chooses.
  const append = (
    client: pg.PoolClient,
    aggregateId: string,
    eventId: string,
  ) =>
    client.query(
      `SELECT * FROM eventsource_append_event($1, 'Note', -1, $2, 'NoteCreated', 1, NULL, NULL, $3, NULL, now(),
         '{"title": "t", "content": "c"}', '{}')`,
      [aggregateId, eventId, randomUUID()],
    )

  async function waitUntilBlocked(pid: number): Promise<void> {
    for (;;) {
      const { rows } = await pool.query(
        `SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`,
        [pid],
      )
      if (rows.length > 0) return
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
  }

  it('a reader polling between two commits never skips the lower-numbered event that commits last', async () => {
    const [first, second] = [await pool.connect(), await pool.connect()]
    try {
      const ids = { first: randomUUID(), second: randomUUID() }
      const follower = tail(reader)
      await follower.poll()
      await first.query('BEGIN')
      await append(first, 'order-first', ids.first) // takes a position, not committed yet
      await second.query('BEGIN')
      const secondPid = (
        await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      ).rows[0]!.pid
      const secondAppend = append(second, 'order-second', ids.second)
      // Writers do not wait for each other: the second append takes the next position at once, and
      // commits before the first. Readers must not see it until the first has committed too.
      const secondWentFirst = await Promise.race([
        secondAppend.then(() => true),
        waitUntilBlocked(secondPid).then(() => false),
      ])
      if (secondWentFirst) await second.query('COMMIT')

      await follower.poll() // in between the two commits
      await first.query('COMMIT')
      await secondAppend
      if (!secondWentFirst) await second.query('COMMIT')
      await follower.poll()

      expect(follower.seen.map((e) => e.eventId)).toEqual([
        ids.first,
        ids.second,
      ])
      expect(secondWentFirst).toBe(true)
    } finally {
      first.release()
      second.release()
    }
  })

  it('a writer that has its transaction id takes its positions before any writer after it', async () => {
    // The first append is held after it took its transaction id and before it takes a position, until the
    // test lets it go: its session finds a nextval of the test's before PostgreSQL's. Unprotected, the
    // second append takes a position below the first's meanwhile, while its transaction id is above it: the
    // first, committed, looks older than every transaction still running, and a reader passes the second's
    // position before it commits.
    const PAUSE = 4242
    const [first, second, control] = [
      await pool.connect(),
      await pool.connect(),
      await pool.connect(),
    ]
    await pool.query('CREATE SCHEMA test_pause')
    await pool.query(`CREATE FUNCTION test_pause.nextval(regclass) RETURNS bigint LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock_shared(${PAUSE});
        RETURN pg_catalog.nextval($1);
      END $$`)
    try {
      const ids = { first: randomUUID(), second: randomUUID() }
      const follower = tail(reader)
      await follower.poll()
      const before = follower.seen.length
      await control.query('SELECT pg_advisory_lock($1)', [PAUSE])
      await first.query('BEGIN')
      await first.query(
        'SET LOCAL search_path = test_pause, public, pg_catalog',
      )
      const firstPid = (
        await first.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      ).rows[0]!.pid
      const firstAppend = append(first, 'paused-first', ids.first)
      await waitUntilBlocked(firstPid)
      await second.query('BEGIN')
      const secondPid = (
        await second.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')
      ).rows[0]!.pid
      const secondAppend = append(second, 'paused-second', ids.second)
      await Promise.race([secondAppend, waitUntilBlocked(secondPid)])

      await control.query('SELECT pg_advisory_unlock($1)', [PAUSE])
      await firstAppend
      await first.query('COMMIT')
      await follower.poll() // the second transaction still open
      await secondAppend
      await second.query('COMMIT')
      await follower.poll()

      expect(follower.seen.slice(before).map((e) => e.eventId)).toEqual([
        ids.first,
        ids.second,
      ])
    } finally {
      await pool.query('DROP SCHEMA test_pause CASCADE')
      for (const client of [first, second, control]) client.release()
    }
  })
})

describe('8 concurrent writers on the same streams', () => {
  const WRITERS = 8
  const APPENDS = 40
  const STREAMS = 3

  interface Acknowledged {
    aggregateId: string
    eventIds: string[]
    newVersion: number
  }

  async function writer(
    store: EventStore,
    writerIndex: number,
    acknowledged: Acknowledged[],
    conflicts: OptimisticLockError[],
  ): Promise<void> {
    for (let i = 0; i < APPENDS; i++) {
      const aggregateId = `hot-${(writerIndex + i) % STREAMS}`
      const eventIds = Array.from({ length: 1 + (i % 2) }, () => randomUUID())
      for (;;) {
        const version = await store.getStreamVersion(aggregateId, 'Note')
        const events = eventIds.map((eventId, k) =>
          version + k === 0
            ? new NoteCreated({
                eventId,
                aggregateId,
                title: 'hot',
                content: `${writerIndex}:${i}`,
              })
            : new NoteUpdated({
                eventId,
                aggregateId,
                content: `${writerIndex}:${i}:${k}`,
              }),
        )
        try {
          const result = await store.appendEvents({
            aggregateId,
            aggregateType: 'Note',
            events,
            expectedVersion: version,
          })
          acknowledged.push({
            aggregateId,
            eventIds,
            newVersion: result.newVersion,
          })
          break
        } catch (error) {
          if (!(error instanceof OptimisticLockError)) throw error
          conflicts.push(error) // retried with the same event ids: an append that did commit is skipped, not doubled
        }
      }
    }
  }

  it('lose nothing: every version exactly once, every acknowledged event where it was acknowledged, conflicts reported', async () => {
    const stores = await writerStores(WRITERS)
    const acknowledged: Acknowledged[] = []
    const conflicts: OptimisticLockError[] = []
    const follower = tail(reader)
    await follower.poll()
    const alreadySeen = follower.seen.length
    const start = follower.seen.at(-1)?.globalPosition ?? 0

    let writing = true
    const writers = Promise.all(
      stores.map((store, index) =>
        writer(store, index, acknowledged, conflicts),
      ),
    ).finally(() => (writing = false))
    while (writing) await follower.poll()
    await writers
    await follower.poll()
    await Promise.all(stores.map((store) => store.close()))

    const stored = new Map<string, { aggregateId: string; version: number }>()
    for (let s = 0; s < STREAMS; s++) {
      const stream = await reader.getEvents(`hot-${s}`, 'Note')
      expect(stream.events.map((e) => e.aggregateVersion)).toEqual(
        stream.events.map((_, index) => index + 1),
      )
      for (const event of stream.events)
        stored.set(event.eventId, {
          aggregateId: event.aggregateId,
          version: event.aggregateVersion,
        })
    }
    const acknowledgedIds = acknowledged.flatMap((ack) => ack.eventIds)
    expect(acknowledged).toHaveLength(WRITERS * APPENDS)
    expect(stored.size).toBe(acknowledgedIds.length)
    for (const ack of acknowledged) {
      ack.eventIds.forEach((eventId, k) => {
        expect(stored.get(eventId)).toEqual({
          aggregateId: ack.aggregateId,
          version: ack.newVersion - ack.eventIds.length + 1 + k,
        })
      })
    }
    expect(conflicts.length).toBeGreaterThan(0)
    for (const conflict of conflicts)
      expect(conflict.actualVersion).toBeGreaterThan(conflict.expectedVersion)

    // The follower, polling all along, saw every event exactly once, in ascending position.
    const followed = follower.seen.slice(alreadySeen)
    expect(new Set(followed.map((e) => e.eventId))).toEqual(
      new Set(acknowledgedIds),
    )
    expect(followed).toHaveLength(acknowledgedIds.length)
    expect(
      followed.every(
        (e, index) =>
          e.globalPosition > (followed[index - 1]?.globalPosition ?? start),
      ),
    ).toBe(true)
  })
})

describe('8 concurrent writers that expect no version', () => {
  it('all land, whether ANY or STREAM_EXISTS: none is refused for a version another writer took first', async () => {
    const aggregateId = `any-${randomUUID()}`
    const created = new NoteCreated({ aggregateId, title: 'any', content: '' })
    await reader.appendEvents({
      aggregateId,
      aggregateType: 'Note',
      events: [created],
      expectedVersion: 0,
    })
    const stores = await writerStores(8)
    const appended: string[] = []
    try {
      // Rounds in which every writer appends at once, so that they race for the same next version.
      for (let round = 0; round < 20; round++) {
        await Promise.all(
          stores.map(async (store, writer) => {
            const events = Array.from(
              { length: 1 + (writer % 2) },
              (_, k) =>
                new NoteUpdated({ aggregateId, content: `${round}:${k}` }),
            )
            await store.appendEvents({
              aggregateId,
              aggregateType: 'Note',
              events,
              expectedVersion:
                writer < 4
                  ? ExpectedVersion.ANY
                  : ExpectedVersion.STREAM_EXISTS,
            })
            appended.push(...events.map((event) => event.eventId))
          }),
        )
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()))
    }
    const stream = await reader.getEvents(aggregateId, 'Note')
    expect(stream.events.map((e) => e.aggregateVersion)).toEqual(
      stream.events.map((_, index) => index + 1),
    )
    expect(stream.events.map((e) => e.eventId).sort()).toEqual(
      [created.eventId, ...appended].sort(),
    )
  })
})
