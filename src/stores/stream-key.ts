/** One text key a stream, for maps of streams: JSON keeps a `:` or a quote in a name from making two streams one. */
export function streamKey(aggregateId: string, aggregateType: string): string {
  return JSON.stringify([aggregateType, aggregateId])
}
