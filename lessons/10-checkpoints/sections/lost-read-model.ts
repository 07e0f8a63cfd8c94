/**
 * A checkpoint is worth as much as the read model it belongs to: one that
 * outlives its read model makes the next run skip what the read model lost.
 */
import { InMemoryCheckpointRepository } from 'eventsource-ts'
import { runReadSide } from '../read-side.ts'
import { Revenue } from '../revenue.ts'
import { compared, placeOrders, revenueOf, shopWith } from '../shop.ts'

export default async function lostReadModel(): Promise<void> {
  await using store = await shopWith(40)

  // #region lost
  // The checkpoints are kept (in a database, say), the revenue in memory.
  const kept = new InMemoryCheckpointRepository()
  await runReadSide(store, kept, new Revenue(), { print: () => {} })
  const position = await kept.getPosition('revenue')
  console.log(`A first run counted 40 orders, and kept checkpoint ${position}`)
  await placeOrders(store, 2, 41) // while the app is down

  console.log('Restarted: the checkpoint is there, the revenue is not:')
  const restarted = new Revenue()
  await runReadSide(store, kept, restarted)
  console.log(`Revenue: ${compared(restarted, revenueOf(42))}`)
  // #endregion lost

  // #region together
  // Kept together: a read model in memory, its checkpoint in memory too.
  // Then each start is a rebuild, from the beginning of the log.
  console.log('Restarted, both in memory:')
  const rebuilt = new Revenue()
  await runReadSide(store, new InMemoryCheckpointRepository(), rebuilt)
  console.log(`Revenue: ${compared(rebuilt, revenueOf(42))}`)
  // #endregion together
}
