/**
 * A checkpoint repository the lesson can watch, and cut off: it shows when
 * a SubscriptionManager saves, and lets a run end as a crash ends it.
 */
import type { CheckpointRepository } from 'eventsource-ts'

// #region watched
/**
 * Any object with these three methods is a CheckpointRepository. This one
 * passes each call on to another, tells `onSave` of every save first, and
 * once cut off drops the saves, as a process that has died writes nothing.
 */
export class WatchedCheckpoints implements CheckpointRepository {
  readonly #inner: CheckpointRepository
  readonly #onSave: (name: string, position: number) => void
  #cutOff = false

  constructor(
    inner: CheckpointRepository,
    onSave: (name: string, position: number) => void,
  ) {
    this.#inner = inner
    this.#onSave = onSave
  }

  getPosition(name: string): Promise<number> {
    return this.#inner.getPosition(name)
  }

  async savePosition(name: string, position: number): Promise<void> {
    if (this.#cutOff) return
    this.#onSave(name, position)
    await this.#inner.savePosition(name, position)
  }

  resetPosition(name: string): Promise<void> {
    return this.#inner.resetPosition(name)
  }

  /** From now on, no save reaches the repository. */
  cutOff(): void {
    this.#cutOff = true
  }
}
// #endregion watched
