/** The shop's revenue, a read model in memory. */
import { Projection } from 'eventsource-ts'
import { OrderPlaced } from '../02-first-event/orders.ts'
import type { RevenueFigures } from './shop.ts'

// #region revenue
/** How many orders were placed, and their total: counted in memory. */
export class Revenue extends Projection implements RevenueFigures {
  readonly name = 'revenue'
  orders = 0
  totalCents = 0

  constructor() {
    super()
    this.on(OrderPlaced, (event) => {
      this.orders += 1
      this.totalCents += event.totalCents
    })
  }

  override reset(): void {
    this.orders = 0
    this.totalCents = 0
  }
}
// #endregion revenue
