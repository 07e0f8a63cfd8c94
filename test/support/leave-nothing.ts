/**
 * vitest global setup: the whole run must leave the repository as it found it. Files the tests write
 * (databases, progress, the package test's build) go to temp dirs; verify's derived answers go to
 * .workbook/derived/ and are removed. Only test-results/ (the site tests' screenshots) may stay. A run that
 * leaves anything else fails, naming it.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeSync } from 'node:fs'

const ALLOWED = /^test-results\//

function entries(): Set<string> {
  const status = execFileSync(
    'git',
    ['status', '--porcelain', '--ignored', '--untracked-files=all'],
    { encoding: 'utf8' },
  )
  return new Set(
    status
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.slice(3))
      .filter((path) => !path.startsWith('node_modules/')),
  )
}

export default function setup(): () => void {
  // The folders tests write into the repository (the site's pictures; the answers verify derives inside the
  // workbook) are made before any test starts: one that appeared while a lesson ran would be taken for a
  // folder the lesson left behind.
  for (const folder of ['test-results', '.workbook'])
    mkdirSync(folder, { recursive: true })
  const before = entries()
  return () => {
    const left = [...entries()].filter(
      (path) => !before.has(path) && !ALLOWED.test(path),
    )
    if (left.length === 0) return
    // vitest prints an error thrown here but still exits 0: say it, and exit with the failure.
    writeSync(
      2,
      `\nThe tests left files in the repository: ${left.join(', ')}. Write them to a temp dir instead.\n`,
    )
    process.exit(1)
  }
}
