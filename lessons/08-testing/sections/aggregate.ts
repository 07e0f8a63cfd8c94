/** Tests of the task aggregate: events, rules, and given-when-then. */
import type { SectionRun } from '../../../tools/workbook/manifest.ts'
import { runAndPrint } from '../run-tests.ts'

export default async function aggregate(run: SectionRun): Promise<void> {
  await runAndPrint('task.test.ts', run)
}
