import { EventSourceError, type EventSourceErrorOptions } from '../errors.ts'

/**
 * A snapshot that cannot be written or read: a state JSON cannot hold, a stored snapshot that is damaged, or
 * a snapshot store that failed. On load and after a save, the repository reports it (`onSnapshotError`) and
 * goes on without the snapshot: the stream is the truth.
 */
export class SnapshotError extends EventSourceError {
  static override readonly code: string = 'SNAPSHOT'
  constructor(
    readonly aggregateId: string,
    readonly aggregateType: string,
    message: string,
    options?: EventSourceErrorOptions,
  ) {
    super(message, options)
  }
}
