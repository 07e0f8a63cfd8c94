/** Where things are, whatever directory the learner runs a command from. */
import { isAbsolute, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const repoRoot = fileURLToPath(
  new URL('../..', import.meta.url),
).replace(/[\\/]$/, '')

/** A path as the learner sees it: relative to the repository, with forward slashes. */
export function repoPath(file: string): string {
  return relative(repoRoot, file).replaceAll('\\', '/')
}

export function absolutePath(path: string): string {
  return isAbsolute(path) ? path : join(repoRoot, path)
}
