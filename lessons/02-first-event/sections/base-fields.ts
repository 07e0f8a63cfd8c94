/** The base fields every event carries, beside its payload. */
import type { DomainEvent } from 'eventsource-ts'
import { OrderPlaced } from '../orders.ts'
import { MUGS_AND_TEA } from '../sample-order.ts'

// #region base-fields
/** Every event's base fields, and who sets each one. */
const BASE_FIELDS: [keyof DomainEvent, string][] = [
  ['eventId', 'generated'],
  ['eventType', 'the class'],
  ['eventVersion', 'the class'],
  ['occurredAt', 'generated'],
  ['aggregateId', 'you (required)'],
  ['aggregateType', 'the class'],
  ['aggregateVersion', 'you (default 1)'],
  ['tenantId', 'you (optional)'],
  ['actorId', 'you (optional)'],
  ['correlationId', 'generated'],
  ['causationId', 'you (optional)'],
  ['metadata', 'you (default {})'],
]
// #endregion base-fields

export default function baseFields(): void {
  // #region given
  const placed = new OrderPlaced({
    aggregateId: 'order-1001',
    actorId: 'customer-42',
    metadata: { channel: 'web' },
    ...MUGS_AND_TEA, // the payload of the order above
  })
  // #endregion given

  // #region print
  console.log(`${'Field'.padEnd(16)} ${'Value'.padEnd(38)} Set by`)
  for (const [field, setBy] of BASE_FIELDS) {
    const value = placed[field]
    const shown =
      value instanceof Date ? value.toISOString() : JSON.stringify(value)
    console.log(`${field.padEnd(16)} ${String(shown).padEnd(38)} ${setBy}`)
  }
  // #endregion print
}
