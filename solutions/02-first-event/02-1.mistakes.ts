/** Known wrong answers to 02-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'any-amount',
    what: 'OrderRefundRequested takes any number as amountCents',
    replace: [
      [
        `    reason: z.string().min(1),
    amountCents: z.number().int().positive(),`,
        `    reason: z.string().min(1),
    amountCents: z.number(),`,
      ],
    ],
    fails: ['OrderRefundRequested refuses an amountCents'],
    says: ['amountCents 0 was accepted', 'positive whole number'],
  },
  {
    name: 'empty-reason',
    what: "OrderRefundRequested takes '' as its reason",
    replace: [['reason: z.string().min(1),', 'reason: z.string(),']],
    fails: ['OrderRefundRequested refuses a missing or empty reason'],
    says: ["reason '' was accepted"],
  },
  {
    name: 'default-registry',
    what: 'PaymentRefunded is defined without registry: refundRegistry',
    replace: [
      [
        `    amountCents: z.number().int().positive(),
  }),
  registry: refundRegistry,
})
// #endtodo
export type PaymentRefunded`,
        `    amountCents: z.number().int().positive(),
  }),
})
// #endtodo
export type PaymentRefunded`,
      ],
    ],
    fails: ['both types are in refundRegistry'],
    says: ['refundRegistry lacks PaymentRefunded', 'in defaultRegistry'],
  },
  {
    name: 'order-aggregate',
    what: 'PaymentRefunded is given to the Order aggregate',
    replace: [
      [
        "eventType: 'PaymentRefunded',\n  aggregateType: 'Payment',",
        "eventType: 'PaymentRefunded',\n  aggregateType: 'Order',",
      ],
    ],
    fails: ['PaymentRefunded is an event type of the Payment aggregate'],
    says: ['aggregateType'],
  },
  {
    name: 'forgot-amount',
    what: "PaymentRefunded's schema has no amountCents, so zod drops it",
    replace: [
      [
        `    orderId: z.string().min(1),
    amountCents: z.number().int().positive(),`,
        '    orderId: z.string().min(1),',
      ],
    ],
    fails: ['a valid PaymentRefunded keeps its orderId and amountCents'],
    says: ['lost amountCents', 'zod drops'],
  },
] satisfies Mistake[]
