/**
 * A checkpoint in a SQLite file: the app is stopped halfway, and a new
 * process, with new objects over the same files, resumes after it.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compared, revenueOf } from '../shop.ts'
import { placeOrdersIn, runApp } from '../shop-app.ts'

export default async function sqliteFile(): Promise<void> {
  // The lesson keeps its files in a temp directory: nothing is left in yours.
  const dir = mkdtempSync(join(tmpdir(), 'lesson-10-'))
  try {
    // #region restart
    await placeOrdersIn(dir, 40)
    console.log('First run, shut down after 25 orders:')
    await runApp(dir, { stopAfter: 25 })
    console.log(`The app's files: ${readdirSync(dir).sort().join(', ')}`)

    console.log('Second run, a new process on the same files:')
    const figures = await runApp(dir)
    console.log(`Revenue: ${compared(figures, revenueOf(40))}`)
    // #endregion restart
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
