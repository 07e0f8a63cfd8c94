import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { InMemoryEventStore, SQLiteEventStore } from 'eventsource-ts'
import { notesRegistry } from '../../test/support/notes.ts'
import { memoryFloor } from '../floors/memory.ts'
import { sqliteFloor, type SqliteSettings } from '../floors/sqlite.ts'
import { storeSubject } from './subject.ts'
import type { Open } from './workloads.ts'

export const OURS = 'eventsource-ts'
export const FLOOR = 'raw floor'

/** A storage engine the bench runs on: how to open our store and its raw floor, each on a fresh database. */
export interface Backend {
  name: string
  /** The durability settings both sides run with, printed beside the figures. */
  durability: string
  contenders: Record<string, Open>
}

let workDir: string | undefined
let files = 0

/** A fresh database file path, and a function that removes it with its WAL files. */
export function freshFile(label: string): { path: string; remove: () => void } {
  // The bench's directory for database files, removed when the process exits.
  if (!workDir) {
    const dir = (workDir = mkdtempSync(join(tmpdir(), 'es-bench-')))
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
  }
  const path = join(workDir, `${label}-${++files}.db`)
  return {
    path,
    remove: () =>
      ['', '-wal', '-shm', '-journal'].forEach((suffix) =>
        rmSync(path + suffix, { force: true }),
      ),
  }
}

export function sqliteFile(settings: SqliteSettings): Backend {
  return {
    name: `SQLite file (${settings.walMode ? 'WAL' : 'rollback journal'})`,
    durability: `journal_mode=${settings.walMode ? 'WAL' : 'DELETE'}, synchronous=${settings.synchronous}`,
    contenders: {
      [OURS]: async () => {
        const { path, remove } = freshFile('ours')
        const store = new SQLiteEventStore(path, {
          eventRegistry: notesRegistry,
          ...settings,
        })
        await store.initialize()
        return storeSubject(store, remove)
      },
      [FLOOR]: async () => {
        const { path, remove } = freshFile('floor')
        return sqliteFloor(path, settings, remove)
      },
    },
  }
}

export function sqliteMemory(): Backend {
  // The store's default for a database without WAL; on :memory: it changes nothing, as nothing reaches a disk.
  const settings: SqliteSettings = { walMode: false, synchronous: 'FULL' }
  return {
    name: 'SQLite :memory:',
    durability: 'journal_mode=memory, synchronous=FULL (no disk)',
    contenders: {
      [OURS]: async () => {
        const store = new SQLiteEventStore(':memory:', {
          eventRegistry: notesRegistry,
        })
        await store.initialize()
        return storeSubject(store)
      },
      [FLOOR]: async () => sqliteFloor(':memory:', settings),
    },
  }
}

export function inMemory(): Backend {
  return {
    name: 'in-memory',
    durability: 'none (process memory)',
    contenders: {
      [OURS]: async () => {
        const store = new InMemoryEventStore({ eventRegistry: notesRegistry })
        await store.initialize()
        return storeSubject(store)
      },
      [FLOOR]: async () => memoryFloor(),
    },
  }
}
