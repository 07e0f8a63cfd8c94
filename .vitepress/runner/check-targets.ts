/**
 * tools/workbook/check-targets.ts in the check worker: a checker there checks one answer, the code the
 * reader typed in the page, which the worker has already run (check-worker.ts) and hands over here.
 */
export { quoted } from '../../tools/workbook/quoted.ts'

/**
 * An answer to check, as tools/workbook/check-targets.ts names one (written again: that module's types
 * bring Node.js's, which this browser program has not).
 */
export interface CheckTarget {
  label: string
  file: string
}

let answer: { module: unknown } | { error: unknown } = {
  error: new Error('The page has not given the checker an answer.'),
}

/** The answer the next checker loaded checks: its module, or why it did not load. */
export function provideAnswer(
  loaded: { module: unknown } | { error: unknown },
): void {
  answer = loaded
}

export function checkTargets(_exerciseId: string): Promise<CheckTarget[]> {
  return Promise.resolve([{ label: 'your answer', file: 'answer.ts' }])
}

export function importTarget<M>(
  _target: CheckTarget,
): Promise<{ module: M } | { error: unknown }> {
  return Promise.resolve(answer as { module: M } | { error: unknown })
}
