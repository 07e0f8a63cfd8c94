/**
 * The lesson's domain: a bank account, opened once, then money in and out.
 * The lesson, its exercises and their solutions all import these from here,
 * so each event class is defined, and registered, once.
 */
import { z } from 'zod'
import {
  DeclarativeAggregate,
  defineEvent,
  type DomainEvent,
} from 'eventsource-ts'

// #region events
// Amounts are whole cents: integers add up exactly, 0.1 + 0.2 does not.
const cents = z.number().int().positive()

export const AccountOpened = defineEvent({
  eventType: 'AccountOpened',
  aggregateType: 'Account',
  schema: z.object({ owner: z.string().min(1) }),
})
export type AccountOpened = InstanceType<typeof AccountOpened>

export const MoneyDeposited = defineEvent({
  eventType: 'MoneyDeposited',
  aggregateType: 'Account',
  schema: z.object({ amount: cents }),
})
export type MoneyDeposited = InstanceType<typeof MoneyDeposited>

export const MoneyWithdrawn = defineEvent({
  eventType: 'MoneyWithdrawn',
  aggregateType: 'Account',
  schema: z.object({ amount: cents }),
})
export type MoneyWithdrawn = InstanceType<typeof MoneyWithdrawn>

/** Any event of an account's stream. */
export type AccountEvent = AccountOpened | MoneyDeposited | MoneyWithdrawn
// #endregion events

// #region aggregate
export interface AccountState {
  owner: string
  balance: number // in cents
}

export class AccountAggregate extends DeclarativeAggregate<AccountState> {
  static readonly aggregateType = 'Account'

  constructor(accountId: string) {
    super(accountId)
    // How each event changes the state: replaying is running these in order.
    this.on(AccountOpened, (event) => {
      this.state = { owner: event.owner, balance: 0 }
    })
    this.on(MoneyDeposited, (event) => {
      this.state = { ...this.state, balance: this.state.balance + event.amount }
    })
    this.on(MoneyWithdrawn, (event) => {
      this.state = { ...this.state, balance: this.state.balance - event.amount }
    })
  }

  protected getInitialState(): AccountState {
    return { owner: '', balance: 0 }
  }

  // Commands: each records a new event, numbered after the ones before it.
  open(owner: string): void {
    this.applyEvent(
      new AccountOpened({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        owner,
      }),
    )
  }

  deposit(amount: number): void {
    this.applyEvent(
      new MoneyDeposited({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        amount,
      }),
    )
  }

  withdraw(amount: number): void {
    this.applyEvent(
      new MoneyWithdrawn({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        amount,
      }),
    )
  }
}
// #endregion aggregate

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
})

/** Cents as dollars: 126000 is "$1,260.00". */
export function money(cents: number): string {
  return dollars.format(cents / 100)
}

/** What an account event says, in a few words: "owner Alice", "$40.00". */
export function describeEvent(event: DomainEvent): string {
  if (event instanceof AccountOpened) return `owner ${event.owner}`
  if (event instanceof MoneyDeposited || event instanceof MoneyWithdrawn)
    return money(event.amount)
  return event.eventType
}

/** A time as the lesson prints it, in UTC: "2025-03-10 18:30". */
export function minute(time: Date): string {
  return time.toISOString().slice(0, 16).replace('T', ' ')
}
