/** Tests of the task aggregate: events, rules, and given-when-then. */
import { runAndPrint } from '../run-tests.ts'

export default async function aggregate(): Promise<void> {
  await runAndPrint('task.test.ts')
}
