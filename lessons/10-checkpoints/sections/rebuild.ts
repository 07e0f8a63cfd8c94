/**
 * Reset and rebuild: empty the read model and forget its checkpoint, then
 * run it from the beginning. Either reset alone gets it wrong.
 */
import {
  InMemoryCheckpointRepository,
  type CheckpointRepository,
} from 'eventsource-ts'
import { runReadSide } from '../read-side.ts'
import { Revenue } from '../revenue.ts'
import { compared, revenueOf, shopWith } from '../shop.ts'

export default async function rebuild(): Promise<void> {
  await using store = await shopWith(40)
  const log = revenueOf(40)
  const quiet = { print: () => {} }

  /** A revenue that has counted every order, and its checkpoint. */
  async function built() {
    const checkpoints = new InMemoryCheckpointRepository()
    const revenue = new Revenue()
    await runReadSide(store, checkpoints, revenue, quiet)
    return { checkpoints, revenue }
  }

  // #region rebuild
  // Between two runs, never while one runs: a running subscription would
  // save its own position over the reset one.
  const { checkpoints, revenue } = await built()
  console.log(`Built: ${compared(revenue, log)}`)
  revenue.reset() // the read model, emptied
  await checkpoints.resetPosition(revenue.name) // back to the beginning
  console.log('reset() and resetPosition(), then a run:')
  await runReadSide(store, checkpoints, revenue)
  console.log(`Rebuilt: ${compared(revenue, log)}`)
  // #endregion rebuild

  // #region half
  const halves: Record<
    string,
    (c: CheckpointRepository, r: Revenue) => unknown
  > = {
    'resetPosition() alone': (c, r) => c.resetPosition(r.name),
    'reset() alone': (_, r) => r.reset(),
  }
  for (const [what, resetHalf] of Object.entries(halves)) {
    const { checkpoints, revenue } = await built()
    await resetHalf(checkpoints, revenue)
    await runReadSide(store, checkpoints, revenue, quiet)
    console.log(`${what}: ${compared(revenue, log)}`)
  }
  // #endregion half
}
