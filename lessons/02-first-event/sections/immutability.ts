/** Events are deep-frozen; a changed event is a new event. */
import { OrderPlaced } from '../orders.ts'
import { MUGS_AND_TEA } from '../sample-order.ts'

/** Runs a change that must fail, and prints the error it throws. */
function attempt(what: string, change: () => void): void {
  try {
    change()
    console.log(`${what}: changed! (this must not happen)`)
  } catch (error) {
    if (!(error instanceof TypeError)) throw error
    // V8 goes on to name the object ("of object '#<Object>'"): left out.
    const message = error.message.replace(/ of object .*$/, '')
    console.log(`${what}\n  → TypeError: ${message}`)
  }
}

export default function immutability(): void {
  const placed = new OrderPlaced({
    aggregateId: 'order-1001',
    metadata: { channel: 'web' },
    ...MUGS_AND_TEA,
  })

  // #region frozen
  attempt('placed.totalCents = 0', () => {
    // @ts-expect-error: TypeScript refuses, as the field is readonly
    placed.totalCents = 0
  })
  // TypeScript's readonly is shallow, and gone at run time; the freeze is
  // neither: the items and the metadata are frozen too.
  attempt('placed.items[0].quantity = 99', () => {
    placed.items[0]!.quantity = 99
  })
  attempt('placed.items.push(…)', () => {
    placed.items.push({ sku: 'FREE-01', quantity: 1, unitPriceCents: 0 })
  })
  attempt("placed.metadata.channel = 'app'", () => {
    // @ts-expect-error: metadata is readonly too
    placed.metadata.channel = 'app'
  })
  // #endregion frozen

  // #region copies
  // To add metadata, make a new event from the old one's fields.
  const tagged = new OrderPlaced({
    ...placed,
    metadata: { ...placed.metadata, campaign: 'spring-sale' },
  })
  console.log(`Original metadata: ${JSON.stringify(placed.metadata)}`)
  console.log(`Copy's metadata:   ${JSON.stringify(tagged.metadata)}`)
  // The copy is the same fact, told with more detail: same eventId.
  console.log(`Same eventId: ${tagged.eventId === placed.eventId}`)

  const atVersion5 = new OrderPlaced({ ...placed, aggregateVersion: 5 })
  console.log(
    `A copy at aggregateVersion ${atVersion5.aggregateVersion}; ` +
      `the original stays at ${placed.aggregateVersion}`,
  )
  // #endregion copies
}
