import { z } from 'zod'
import { defineEvent } from '../events/define-event.ts'
import { EventRegistry } from '../events/registry.ts'

/** The events both contracts write: accounts opened and paid into, and labels tagged. */
export const registry = new EventRegistry()
export const Opened = defineEvent({
  eventType: 'AccountOpened',
  aggregateType: 'Account',
  schema: z.object({ owner: z.string() }),
  registry,
})
export const Deposited = defineEvent({
  eventType: 'MoneyDeposited',
  aggregateType: 'Account',
  schema: z.object({ amount: z.number().int().positive() }),
  registry,
})
export const Tagged = defineEvent({
  eventType: 'TagAdded',
  aggregateType: 'Label',
  schema: z.object({ tag: z.string() }),
  registry,
})

export const opened = (
  aggregateId: string,
  extra: { tenantId?: string } = {},
) => new Opened({ aggregateId, owner: 'Ada', ...extra })
export const deposits = (aggregateId: string, ...amounts: number[]) =>
  amounts.map((amount) => new Deposited({ aggregateId, amount }))
