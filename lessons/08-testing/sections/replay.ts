/** Replay tests: a history, a round trip, and a history as the given. */
import { runAndPrint } from '../run-tests.ts'

export default async function replay(): Promise<void> {
  await runAndPrint('replay.test.ts')
}
