import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'

const SQLITE_HEADER = 'SQLite format 3\u0000'
const SIDE_FILES = /-(wal|shm|journal)$/

/**
 * What a directory holds, to prove a failed call wrote nothing: every entry's name, each SQLite database's
 * logical content (schema, rows, user_version, read through its WAL: its bytes may move between the two
 * when a connection closes), and a hash of every other file. WAL and shared-memory files are left out:
 * SQLite makes and removes them as connections come and go, the snapshot's own included.
 */
export function snapshotDirectory(dir: string): Record<string, unknown> {
  const snapshot: Record<string, unknown> = {}
  for (const name of readdirSync(dir).sort()) {
    if (SIDE_FILES.test(name)) continue
    const path = join(dir, name)
    const stat = statSync(path)
    if (stat.isDirectory())
      snapshot[name] = { directory: snapshotDirectory(path), mode: stat.mode }
    else
      snapshot[name] = {
        mode: stat.mode,
        content: isSqlite(path) ? dumpDatabase(path) : hash(readFileSync(path)),
      }
  }
  return snapshot
}

function isSqlite(path: string): boolean {
  return readFileSync(path).subarray(0, 16).toString('latin1') === SQLITE_HEADER
}

function dumpDatabase(path: string): unknown {
  let db: Database.Database | undefined
  try {
    // Read-write, though it only reads: the last connection to close then removes the WAL files it made.
    db = new Database(path, { fileMustExist: true })
    const schema = db
      .prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name')
      .all() as { type: string; name: string }[]
    const tables = Object.fromEntries(
      schema
        .filter((s) => s.type === 'table' && !s.name.startsWith('sqlite_'))
        .map((s) => [
          s.name,
          db!.prepare(`SELECT * FROM "${s.name}" ORDER BY rowid`).all(),
        ]),
    )
    return {
      schema,
      tables,
      userVersion: db.pragma('user_version', { simple: true }),
    }
  } catch (error) {
    // A damaged database cannot be dumped; its bytes still can.
    return {
      unreadable: (error as Error).message,
      bytes: hash(readFileSync(path)),
    }
  } finally {
    db?.close()
  }
}

function hash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}
