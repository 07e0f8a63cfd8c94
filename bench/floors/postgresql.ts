import { randomUUID } from 'node:crypto'
import {
  APPEND_LOCK,
  CREATE_SCHEMA,
} from '../../src/stores/postgresql/schema.ts'
import { notePayload, type Subject } from '../lib/subject.ts'

/** One connection's queries: a `pg` client on a real server, or PGlite in process. */
export interface PgConnection {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>
  close(): Promise<void>
}

/**
 * How a floor appends. `statement`: one statement a call whatever its size, as the store's append is: the
 * append lock, the version check and a multi-row insert of one array a column. `transaction`: BEGIN,
 * SELECT the version, one INSERT a row, COMMIT, the way an append is first written by hand.
 */
export type PgAppendShape = 'statement' | 'transaction'

const COLUMN_LIST =
  'event_id, event_type, event_version, aggregate_id, aggregate_type, aggregate_version, tenant_id, actor_id, correlation_id, causation_id, occurred_at, payload, metadata'

const APPEND_STATEMENT = `
WITH locked AS MATERIALIZED (SELECT pg_advisory_xact_lock(${APPEND_LOCK})),
     current AS (SELECT coalesce(max(e.aggregate_version), 0) AS version FROM locked, events e WHERE e.aggregate_id = $1 AND e.aggregate_type = $2)
INSERT INTO events (${COLUMN_LIST})
SELECT u.event_id, u.event_type, u.event_version, $1, $2, current.version + u.n::integer, u.tenant_id, u.actor_id, u.correlation_id, u.causation_id, u.occurred_at, u.payload, u.metadata
  FROM current, unnest($4::uuid[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[], $12::jsonb[], $13::jsonb[])
       WITH ORDINALITY AS u(event_id, event_type, event_version, tenant_id, actor_id, correlation_id, causation_id, occurred_at, payload, metadata, n)
 WHERE current.version = $3
RETURNING global_position`

const INSERT_ROW = `INSERT INTO events (${COLUMN_LIST}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`
const STREAM_VERSION =
  'SELECT coalesce(max(aggregate_version), 0) AS version FROM events WHERE aggregate_id = $1 AND aggregate_type = $2'

/**
 * The raw-driver floor for PostgreSQL: hand-written SQL on the store's own schema, through one connection.
 * Reads are plain `SELECT *`, the driver turning JSONB into objects with JSON.parse and times into Dates.
 */
export async function postgresFloor(
  connection: PgConnection,
  shape: PgAppendShape,
): Promise<Subject> {
  for (const statement of CREATE_SCHEMA) await connection.query(statement)

  const rowsOf = (streamId: string, count: number, afterVersion: number) => {
    const occurredAt = new Date().toISOString()
    return Array.from({ length: count }, (_, i) => {
      const { eventType, payload } = notePayload(afterVersion + i + 1)
      return [
        randomUUID(),
        eventType,
        1,
        streamId,
        'Note',
        afterVersion + i + 1,
        null,
        null,
        randomUUID(),
        null,
        occurredAt,
        JSON.stringify(payload),
        '{}',
      ]
    })
  }
  const appendStatement = async (
    streamId: string,
    count: number,
    afterVersion: number,
  ) => {
    const rows = rowsOf(streamId, count, afterVersion)
    const column = (index: number) => rows.map((row) => row[index])
    const inserted = await connection.query(APPEND_STATEMENT, [
      streamId,
      'Note',
      afterVersion,
      column(0),
      column(1),
      column(2),
      column(6),
      column(7),
      column(8),
      column(9),
      column(10),
      column(11),
      column(12),
    ])
    if (inserted.length !== count)
      throw new Error(`stream ${streamId} is not at version ${afterVersion}`)
  }
  const appendTransaction = async (
    streamId: string,
    count: number,
    afterVersion: number,
  ) => {
    await connection.query('BEGIN')
    try {
      const [{ version }] = (await connection.query(STREAM_VERSION, [
        streamId,
        'Note',
      ])) as [{ version: number }]
      if (version !== afterVersion)
        throw new Error(`stream ${streamId} is not at version ${afterVersion}`)
      for (const row of rowsOf(streamId, count, afterVersion))
        await connection.query(INSERT_ROW, row)
      await connection.query('COMMIT')
    } catch (error) {
      await connection.query('ROLLBACK')
      throw error
    }
  }

  return {
    appendStream: async (streamId, count, afterVersion = 0) =>
      (shape === 'statement' ? appendStatement : appendTransaction)(
        streamId,
        count,
        afterVersion,
      ),
    async readStream(streamId) {
      return (
        await connection.query(
          'SELECT * FROM events WHERE aggregate_id = $1 AND aggregate_type = $2 ORDER BY aggregate_version',
          [streamId, 'Note'],
        )
      ).length
    },
    async readAll() {
      let count = 0
      for (let after = '0'; ;) {
        const page = await connection.query(
          'SELECT * FROM events WHERE global_position > $1 ORDER BY global_position LIMIT 1000',
          [after],
        )
        count += page.length
        if (page.length < 1000) return count
        after = String(page[page.length - 1]!.global_position)
      }
    },
    close: () => connection.close(),
  }
}
