/**
 * An error as a check's message quotes it, without its final period, so the sentence around it reads
 * well. An unfinished part (a TODO) is thrown again as it is: the learner needs that first.
 */
export function quoted(error: unknown): string {
  if (error instanceof Error && error.name === 'TodoError') throw error
  return String(error).replace(/\.+$/, '')
}
