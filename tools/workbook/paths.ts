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

/**
 * Where the learner's files are: the workbook itself, or (for the tooling's own tests) the folder inside
 * it that WORKBOOK_EXERCISES names, which mirrors the workbook's layout.
 */
export function learnerPath(path: string): string {
  const root = process.env.WORKBOOK_EXERCISES
  return root ? repoPath(join(absolutePath(root), path)) : path
}
