/** Tests of lesson 6's TaskBoard, fed a log that a fixture's store holds. */
import type { SectionRun } from '../../../tools/workbook/manifest.ts'
import { runAndPrint } from '../run-tests.ts'

export default async function projections(run: SectionRun): Promise<void> {
  await runAndPrint('board.test.ts', run)
}
