/** For the checkers: what an answer gave, and counts in words. */

/** What a promise gave: its value, or what it threw. */
export async function outcome<T>(
  promise: Promise<T>,
): Promise<{ value: T } | { error: unknown }> {
  try {
    return { value: await promise }
  } catch (error) {
    return { error }
  }
}

/** "once", "twice", "3 times". */
export const times = (n: number): string =>
  n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`
