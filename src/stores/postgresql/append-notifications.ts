import type { StopWatching } from '../store-internals.ts'
import type { PostgreSQLDriver } from './driver.ts'

/** The channel every append is announced on, once its transaction commits. */
const CHANNEL = 'eventsource_appends'
/** Serializes the trigger's creation between sessions that start listening at once. */
const TRIGGER_LOCK = 7_306_983_290_861_106
/** How long to wait before listening again on a session that broke. */
const RELISTEN_MS = 1000
/** The trigger is there: made by this store, or before by the table's owner. */
const TRIGGER_EXISTS = `SELECT 1 FROM pg_trigger WHERE tgname = 'eventsource_notify_append' AND tgrelid = 'events'::regclass`

/**
 * A statement-level trigger on the log: one NOTIFY an append, delivered when its transaction commits (the
 * server folds repeats within a transaction into one). It is made by the first subscription that listens,
 * so writers pay nothing for notifications until someone has listened; from then on they pay for every
 * append, as the trigger stays: a session cannot tell whether another, in any process, still listens.
 */
const CREATE_TRIGGER = [
  `SELECT pg_advisory_xact_lock(${TRIGGER_LOCK})`,
  `CREATE OR REPLACE FUNCTION eventsource_notify_append() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN PERFORM pg_notify('${CHANNEL}', ''); RETURN NULL; END $$`,
  `DO $$ BEGIN
     IF NOT EXISTS (${TRIGGER_EXISTS}) THEN
       CREATE TRIGGER eventsource_notify_append AFTER INSERT ON events
         FOR EACH STATEMENT EXECUTE FUNCTION eventsource_notify_append();
     END IF;
   END $$`,
]

/** What `listenForAppends` returns. */
export interface AppendNotifications {
  /** True while every commit is announced to the listener: the trigger is there and a session listens. */
  readonly hearsEveryCommit: boolean
  stop: StopWatching
}

/**
 * Calls `listener` whenever any session commits an append: LISTEN/NOTIFY. Best effort, as notifications
 * are: a subscription polls as well, so when the trigger cannot be made (a user who does not own the table)
 * or the listening session breaks, it only hears of new events later. A broken session is replaced.
 */
export async function listenForAppends(
  driver: PostgreSQLDriver,
  listener: () => void,
): Promise<AppendNotifications> {
  await driver
    .transaction(async (tx) => {
      for (const statement of CREATE_TRIGGER) await tx.query(statement)
    })
    .catch(() => undefined)
  const triggered = await driver.query(TRIGGER_EXISTS).then(
    (rows) => rows.length > 0,
    () => false,
  )
  let stopped = false
  let unlisten: (() => Promise<void>) | undefined
  let retry: NodeJS.Timeout | undefined
  const relisten = () => {
    unlisten = undefined
    if (stopped) return
    retry = setTimeout(() => void listen(), RELISTEN_MS)
    retry.unref()
  }
  const listen = async () => {
    try {
      const stop = await driver.listen(CHANNEL, listener, relisten)
      if (stopped) return await stop()
      unlisten = stop
      // An append may have committed while no session listened.
      listener()
    } catch {
      relisten()
    }
  }
  await listen()
  return {
    get hearsEveryCommit() {
      return triggered && unlisten !== undefined
    },
    stop: async () => {
      stopped = true
      clearTimeout(retry)
      await unlisten?.()
    },
  }
}
