/**
 * A map keyed by stream: by aggregate type, then id. Nothing is built to look a stream up, where a text key
 * (`streamKey`) would be made for every event appended or digested.
 */
export class StreamMap<V> {
  readonly #byType = new Map<string, Map<string, V>>()

  get(aggregateId: string, aggregateType: string): V | undefined {
    return this.#byType.get(aggregateType)?.get(aggregateId)
  }

  set(aggregateId: string, aggregateType: string, value: V): void {
    const ofType = this.#byType.get(aggregateType)
    if (ofType) ofType.set(aggregateId, value)
    else this.#byType.set(aggregateType, new Map([[aggregateId, value]]))
  }

  delete(aggregateId: string, aggregateType: string): void {
    const ofType = this.#byType.get(aggregateType)
    ofType?.delete(aggregateId)
    if (ofType?.size === 0) this.#byType.delete(aggregateType)
  }

  clear(): void {
    this.#byType.clear()
  }

  /** Streams held: a sum over the aggregate types, of which there are few. */
  get size(): number {
    let size = 0
    for (const ofType of this.#byType.values()) size += ofType.size
    return size
  }

  *entries(): Generator<[aggregateId: string, aggregateType: string, V]> {
    for (const [aggregateType, ofType] of this.#byType)
      for (const [aggregateId, value] of ofType)
        yield [aggregateId, aggregateType, value]
  }
}
