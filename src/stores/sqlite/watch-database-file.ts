import { watch, type FSWatcher } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'

/**
 * Calls `listener` when another connection, in this process or another, may have committed to the database
 * file at `path`: a commit writes the `-wal` file (or, without WAL, the database itself). It watches the
 * directory, not the files, because SQLite removes the `-wal` file when its last connection closes and makes a
 * new one later. Returns a function that stops watching; where the platform cannot watch, it returns a
 * no-op and subscriptions rely on polling alone.
 */
export function watchDatabaseFile(
  path: string,
  listener: () => void,
): () => void {
  const file = basename(path)
  const names = new Set([file, `${file}-wal`])
  let watcher: FSWatcher
  try {
    watcher = watch(dirname(resolve(path)), { persistent: false })
  } catch {
    return () => undefined
  }
  watcher.on('change', (_, name) => {
    if (typeof name === 'string' && names.has(name)) listener()
  })
  // A directory that goes away ends the watch; polling carries on.
  watcher.on('error', () => watcher.close())
  return () => watcher.close()
}
