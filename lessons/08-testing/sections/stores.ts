/** The same repository tests on a new in-memory store and a SQLite one. */
import type { SectionRun } from '../../../tools/workbook/manifest.ts'
import { runAndPrint } from '../run-tests.ts'

export default async function stores(run: SectionRun): Promise<void> {
  await runAndPrint('stores.test.ts', run)
}
