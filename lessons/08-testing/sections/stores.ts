/** The same repository tests on a new in-memory store and a SQLite one. */
import { runAndPrint } from '../run-tests.ts'

export default async function stores(): Promise<void> {
  await runAndPrint('stores.test.ts')
}
