/** Tests of lesson 6's TaskBoard, fed a log that a fixture's store holds. */
import { runAndPrint } from '../run-tests.ts'

export default async function projections(): Promise<void> {
  await runAndPrint('board.test.ts')
}
