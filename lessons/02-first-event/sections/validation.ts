/** An event that is wrong is never made: EventValidationError lists why. */
import { EventValidationError } from 'eventsource-ts'
import { OrderPlaced, type OrderPlacedInput } from '../orders.ts'

/** Builds an OrderPlaced, and prints every problem if it is refused. */
function tryToPlace(input: OrderPlacedInput): void {
  // #region catch
  try {
    new OrderPlaced(input)
  } catch (error) {
    if (!(error instanceof EventValidationError)) throw error
    const { eventType, issues } = error
    const problems = issues.length === 1 ? 'problem' : 'problems'
    console.log(`${error.name}: ${issues.length} ${problems} in ${eventType}`)
    for (const { path, message } of issues) console.log(`  ${path}: ${message}`)
  }
  // #endregion catch
}

export default function validation(): void {
  // #region bad-fields
  tryToPlace({
    aggregateId: 'order-1002',
    aggregateVersion: 0, // versions start at 1
    customerId: '',
    items: [{ sku: 'MUG-01', quantity: 0, unitPriceCents: 1250 }],
    currency: 'euro',
    totalCents: 0,
  })
  // #endregion bad-fields

  // #region refinement
  // Each field is fine, but the total is not the sum of the items.
  tryToPlace({
    aggregateId: 'order-1003',
    customerId: 'customer-42',
    items: [{ sku: 'MUG-01', quantity: 2, unitPriceCents: 1250 }],
    currency: 'EUR',
    totalCents: 2000,
  })
  // #endregion refinement
}
