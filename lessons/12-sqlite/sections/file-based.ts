/** A SQLite file: the events survive closing and reopening the store. */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { AggregateRepository, SQLiteEventStore } from 'eventsource-ts'
import { NoteAggregate } from '../notes.ts'

// #region cleanup
/** Removes a SQLite database, and the -wal and -shm files beside it. */
export function removeDatabaseFiles(databasePath: string): string[] {
  const removed: string[] = []
  for (const suffix of ['', '-wal', '-shm']) {
    const path = `${databasePath}${suffix}`
    if (existsSync(path)) {
      rmSync(path)
      removed.push(basename(path))
    }
  }
  return removed
}
// #endregion cleanup

/** The database's files as "name (size)", to watch WAL mode at work. */
function listFiles(databasePath: string): string {
  const name = basename(databasePath)
  const files = readdirSync(dirname(databasePath))
    .filter((file) => file.startsWith(name))
    .sort()
  const kilobytes = (file: string) =>
    (statSync(join(dirname(databasePath), file)).size / 1024).toFixed(1)
  return (
    files.map((file) => `${file} (${kilobytes(file)} KB)`).join(', ') || 'none'
  )
}

export default async function fileBased(): Promise<void> {
  // The lesson keeps its files in a temp directory: nothing is left in yours.
  const dir = mkdtempSync(join(tmpdir(), 'lesson-12-'))
  try {
    // #region file-based
    const databasePath = join(dir, 'tutorial_notes.db')
    const noteId = randomUUID()
    {
      await using store = new SQLiteEventStore(databasePath, { walMode: true })
      await store.initialize()
      const notes = new AggregateRepository({
        eventStore: store,
        aggregateFactory: NoteAggregate,
        aggregateType: 'Note',
      })
      const note = notes.createNew(noteId)
      note.create('Development Notes', 'Testing SQLite storage')
      await notes.save(note)
      console.log(`Saved "${note.state.title}" at version ${note.version}`)
      console.log(`to ${databasePath}`)
      console.log(`Files while the store is open: ${listFiles(databasePath)}`)
    }
    console.log(
      `Files after close: ${listFiles(databasePath)} ` +
        '(SQLite folds the WAL back in and removes -wal and -shm)',
    )

    {
      await using store = new SQLiteEventStore(databasePath)
      await store.initialize()
      const notes = new AggregateRepository({
        eventStore: store,
        aggregateFactory: NoteAggregate,
        aggregateType: 'Note',
      })
      const loaded = await notes.load(noteId)
      const { title } = loaded.state
      console.log(`Reopened and loaded: "${title}", version ${loaded.version}`)
    }
    // #endregion file-based

    // #region remove-files
    const removed = removeDatabaseFiles(databasePath)
    console.log(
      `Cleaned up: removed ${removed.join(', ')}; ` +
        `files left: ${listFiles(databasePath)}`,
    )
    // #endregion remove-files
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
