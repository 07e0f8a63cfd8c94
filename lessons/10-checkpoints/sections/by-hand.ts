/**
 * A checkpoint by hand: the position of the last event a projection has
 * handled, read before it reads the log and saved after.
 */
import { InMemoryCheckpointRepository } from 'eventsource-ts'
import { feed } from '../../06-projections/feed.ts'
import { Revenue } from '../revenue.ts'
import { describeRevenue, placeOrders, shopWith } from '../shop.ts'

export default async function byHand(): Promise<void> {
  await using store = await shopWith(40)

  // #region repository
  const checkpoints = new InMemoryCheckpointRepository()
  const revenue = new Revenue()
  console.log(`No checkpoint yet: ${await checkpoints.getPosition('revenue')}`)
  // #endregion repository

  // #region catch-up
  /** A start of the app: read the log after the checkpoint, then save. */
  async function catchUp(): Promise<void> {
    const from = await checkpoints.getPosition(revenue.name)
    const reached = await feed(revenue, store, from) // the events after it
    await checkpoints.savePosition(revenue.name, reached)
    const read =
      reached === from ? 'nothing after it' : `read ${from + 1} to ${reached}`
    console.log(`Checkpoint ${from}: ${read}, saved checkpoint ${reached}`)
    console.log(`  revenue: ${describeRevenue(revenue)}`)
  }
  await catchUp()
  await catchUp() // started again: nothing new to read
  await placeOrders(store, 3, 41)
  await catchUp() // only the three new orders
  // #endregion catch-up

  // #region reset
  await checkpoints.resetPosition(revenue.name)
  revenue.reset()
  const position = await checkpoints.getPosition(revenue.name)
  console.log(`resetPosition(), reset(): checkpoint ${position}`)
  console.log(`  revenue: ${describeRevenue(revenue)}`)
  await catchUp() // the whole log again: a rebuild
  // #endregion reset
}
