/**
 * A SubscriptionManager keeps the checkpoint: a run that is stopped halfway,
 * and the next one, which resumes after it without counting an order twice.
 */
import { InMemoryCheckpointRepository } from 'eventsource-ts'
import { runReadSide } from '../read-side.ts'
import { Revenue } from '../revenue.ts'
import {
  compared,
  describeRevenue,
  placeOrders,
  revenueOf,
  shopWith,
} from '../shop.ts'

export default async function stopAndResume(): Promise<void> {
  await using store = await shopWith(40)
  console.log(`The log: ${describeRevenue(revenueOf(40))}`)

  // #region first-run
  // What outlives a run: the checkpoints and the read model. Here both are
  // in memory, and each run stands for a start of the app.
  const checkpoints = new InMemoryCheckpointRepository()
  const revenue = new Revenue()

  console.log('First run, shut down after 25 orders:')
  await runReadSide(store, checkpoints, revenue, { stopAfter: 25 })
  console.log(`Revenue: ${describeRevenue(revenue)}`)
  // #endregion first-run

  // #region second-run
  await placeOrders(store, 2, 41) // while the app is down
  console.log('Two more orders; the second run:')
  await runReadSide(store, checkpoints, revenue)
  console.log(`Revenue: ${compared(revenue, revenueOf(42))}`)
  // #endregion second-run
}
