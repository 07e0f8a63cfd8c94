/**
 * Takes turns: one holder at a time, the others queued in order. A subscription holds a turn while it
 * handles a batch, and a replay of dead letters takes one between two batches, so a subscriber is never
 * given two events at once.
 */
export class Turns {
  #last: Promise<void> = Promise.resolve()

  /** Waits for the turn; resolves to the function that ends it. */
  async take(): Promise<() => void> {
    const before = this.#last
    let end!: () => void
    this.#last = new Promise((resolve) => (end = resolve))
    await before
    return end
  }
}
