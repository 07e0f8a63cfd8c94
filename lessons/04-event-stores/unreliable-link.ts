/**
 * A connection to a store that loses messages: the lesson's stand-in for a
 * network between an application and its database.
 */
import type {
  AppendEventsInput,
  AppendResult,
  EventStore,
} from 'eventsource-ts'

/** An append, sent to a store. */
export type Append = (input: AppendEventsInput) => Promise<AppendResult>

/** What the link loses of one append: the request, or the store's reply. */
export type Loss = 'request' | 'reply'

/**
 * The connection dropped during an append. Whether the store wrote it, the
 * caller cannot tell: the request may have been lost, or only the reply.
 */
export class ConnectionLostError extends Error {
  override name = 'ConnectionLostError'

  constructor() {
    super('The connection dropped: the append may or may not be written.')
  }
}

// #region link
/**
 * Sends appends to `store`, losing one message of each of the first
 * appends, as `losses` says, in order; after them, it loses nothing.
 */
export class UnreliableLink {
  /** How many appends were sent. */
  sent = 0
  readonly #losses: Loss[]

  constructor(
    readonly store: EventStore,
    losses: readonly Loss[] = [],
  ) {
    this.#losses = [...losses]
  }

  readonly append: Append = async (input) => {
    this.sent++
    const loss = this.#losses.shift()
    if (loss === 'request') throw new ConnectionLostError()
    const result = await this.store.appendEvents(input)
    if (loss === 'reply') throw new ConnectionLostError()
    return result
  }
}
// #endregion link
