// A child for the read-only cases, run without the privilege to ignore file permissions: opens a SQLite
// store, tries to append, and prints one JSON line saying what happened.
import { accessSync, constants, existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { SQLiteEventStore } from 'eventsource-ts'
import { NoteCreated, notesRegistry } from '../../support/notes.ts'

const [database] = process.argv.slice(2)
const canWrite = (path: string) => {
  try {
    accessSync(path, constants.W_OK)
    return true
  } catch {
    return false
  }
}
const failure = (error: unknown) => ({
  name: (error as Error).name,
  message: (error as Error).message,
})

const report: Record<string, unknown> = {
  fileWritable: existsSync(database!) && canWrite(database!),
  directoryWritable: canWrite(dirname(database!)),
}
const store = new SQLiteEventStore(database!, {
  eventRegistry: notesRegistry,
  busyTimeout: 200,
})
try {
  await store.initialize()
  const event = new NoteCreated({
    aggregateId: 'probe',
    title: 'probe',
    content: 'written by an unprivileged user',
  })
  await store.appendEvents({
    aggregateId: 'probe',
    aggregateType: 'Note',
    events: [event],
    expectedVersion: 0,
  })
  report.outcome = 'written'
} catch (error) {
  report.outcome = failure(error)
} finally {
  await store.close().catch(() => undefined)
}
console.log(JSON.stringify(report))
