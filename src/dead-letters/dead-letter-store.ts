/** What a subscription records about an event it gave up on. */
export interface DeadLetterInput {
  /** The subscription's name (the projection's). */
  subscription: string
  /** Where the event is in the log; replaying reads it from there. */
  globalPosition: number
  eventId?: string
  eventType?: string
  aggregateId?: string
  aggregateType?: string
  /** The last error, as text. */
  error: string
  /** How many times it was tried, this time. */
  attempts: number
  /** Default: now. */
  failedAt?: Date
}

/** A recorded dead letter: one a subscription and position, however often it failed. */
export interface DeadLetter {
  readonly id: number
  readonly subscription: string
  readonly globalPosition: number
  readonly eventId: string | undefined
  readonly eventType: string | undefined
  readonly aggregateId: string | undefined
  readonly aggregateType: string | undefined
  readonly error: string
  /** Attempts over every time it failed. */
  readonly attempts: number
  readonly firstFailedAt: Date
  readonly lastFailedAt: Date
  /** When it was replayed successfully, or marked dealt with; undefined while open. */
  readonly resolvedAt: Date | undefined
}

export interface DeadLetterListOptions {
  /** Only this subscription's. */
  subscription?: string
  /** Resolved ones too (default false). */
  includeResolved?: boolean
}

/**
 * Where subscriptions set aside the events they could not process, to list and replay them later. A
 * SQLite or PostgreSQL one lives in its event store's database.
 */
export interface DeadLetterStore {
  /**
   * Records a failure. The same subscription and position again (an event redelivered after a crash, or a
   * replay that failed) updates the one record: its attempts add up, error and time are the latest, and it
   * is open again.
   */
  record(letter: DeadLetterInput): Promise<DeadLetter>
  /** The dead letters by subscription, then global position; open ones only, unless `includeResolved`. */
  list(options?: DeadLetterListOptions): Promise<DeadLetter[]>
  /** Marks a dead letter resolved; an unknown or resolved one is left as it is. */
  resolve(id: number): Promise<void>
}
