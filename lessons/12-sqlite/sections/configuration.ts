/** Every option of SQLiteEventStore, and the properties that report them. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  defaultRegistry,
  EventRegistry,
  SQLiteEventStore,
} from 'eventsource-ts'
import { registerNoteEvents } from '../notes.ts'

/** The options table of the lesson, filled in with what each store reports. */
function printOptions(stores: Record<string, SQLiteEventStore>): void {
  const registryOf = ({ eventRegistry }: SQLiteEventStore) => {
    const which = eventRegistry === defaultRegistry ? 'defaultRegistry' : 'own'
    return `${which} (${eventRegistry.list().join(', ')})`
  }
  const rows: [string, (store: SQLiteEventStore) => string][] = [
    ['database', (store) => JSON.stringify(store.database)],
    ['eventRegistry', registryOf],
    ['walMode', (store) => String(store.walMode)],
    ['busyTimeout', (store) => `${store.busyTimeout} ms`],
    ['enableTracing', (store) => String(store.enableTracing)],
    ['synchronous', (store) => store.synchronous],
    ['isConnected', (store) => String(store.isConnected)],
  ]
  const columns = Object.entries(stores)
  const width = (texts: string[]) =>
    Math.max(...texts.map((text) => text.length)) + 2
  const widths = columns.map(([label, store]) =>
    width([label, ...rows.map(([, read]) => read(store))]),
  )
  const line = (cells: string[]) =>
    console.log(
      cells
        .map((cell, i) =>
          i === 0 ? cell.padEnd(15) : cell.padEnd(widths[i - 1]!),
        )
        .join('')
        .trimEnd(),
    )
  line(['', ...columns.map(([label]) => label)])
  for (const [option, read] of rows)
    line([option, ...columns.map(([, store]) => read(store))])
}

export default async function configuration(): Promise<void> {
  // #region defaults
  // Defaults: walMode true (reported false for :memory:, which cannot use
  // WAL), busyTimeout 5000 ms, enableTracing true, synchronous NORMAL with
  // WAL and FULL without, eventRegistry defaultRegistry.
  await using defaults = new SQLiteEventStore(':memory:')
  await defaults.initialize()
  // #endregion defaults

  // #region custom
  // Every option set by hand. The object form takes the same options
  // beside `database`.
  await using custom = new SQLiteEventStore({
    database: ':memory:',
    eventRegistry: registerNoteEvents(new EventRegistry()),
    walMode: false, // WAL is for files only
    busyTimeout: 10_000, // wait up to 10 s for another connection's write lock
    enableTracing: false, // no OpenTelemetry spans
    synchronous: 'EXTRA', // wait for the disk at every commit, and more
  })
  await custom.initialize()
  printOptions({ 'Defaults (:memory:)': defaults, Custom: custom })
  // #endregion custom

  const dir = mkdtempSync(join(tmpdir(), 'lesson-12-'))
  try {
    // #region wal-file
    // A file uses WAL unless told otherwise: readers never block the writer.
    await using file = new SQLiteEventStore(join(dir, 'events.db'), {
      walMode: true,
    })
    console.log(
      `A file store: walMode ${file.walMode}, ` +
        `synchronous ${file.synchronous}, ` +
        `isConnected ${file.isConnected} until initialize()`,
    )
    // #endregion wal-file
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
