/**
 * Where a test stands in a checker's report, by the describe blocks around it (`[answer, group, …]`): a
 * check; a probe, which a checker runs on broken code to read its results and which is meant to fail
 * (08-1); or one of the answer's own tests (12-1 asks for some). No Node.js import: the page's check
 * worker sorts its tests with it too.
 */
export type TestGroup = 'checks' | 'probes' | 'own'

export function groupOf(path: readonly string[]): TestGroup {
  return path[1] === 'checks' || path[1] === 'probes' ? path[1] : 'own'
}
