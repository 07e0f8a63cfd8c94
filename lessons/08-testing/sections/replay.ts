/** Replay tests: a history, a round trip, and a history as the given. */
import type { SectionRun } from '../../../tools/workbook/manifest.ts'
import { runAndPrint } from '../run-tests.ts'

export default async function replay(run: SectionRun): Promise<void> {
  await runAndPrint('replay.test.ts', run)
}
