/**
 * A crash: the events since the last checkpoint saved are delivered again,
 * and a read model that adds what it is given counts them twice.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { compared, revenueOf } from '../shop.ts'
import { placeOrdersIn, runApp } from '../shop-app.ts'

export default async function crash(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lesson-10-'))
  try {
    // #region crash
    await placeOrdersIn(dir, 40)
    console.log('First run, crashed after 25 orders:')
    await runApp(dir, { stopAfter: 25, crash: true })

    console.log('Second run:')
    const figures = await runApp(dir)
    console.log(`Revenue: ${compared(figures, revenueOf(40))}`)
    const twice = figures.orders - 40
    console.log(`Counted twice: the ${twice} orders after checkpoint 20,`)
    console.log('  handled before the crash, and delivered again after it')
    // #endregion crash
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
