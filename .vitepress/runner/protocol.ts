/** The messages between a lesson page and its workers (worker.ts, check-worker.ts). */
import type { TestGroup } from '../../tools/workbook/test-groups.ts'

/** Run a lesson section, `"12/in-memory"`, in the runner worker (worker.ts). */
export interface RunRequest {
  id: number
  kind: 'run'
  section: string
}

/** Check an answer to an exercise, the learner's TypeScript as typed in the page, in a check worker of its own (check-worker.ts). */
export interface CheckRequest {
  id: number
  kind: 'check'
  exercise: string
  code: string
}

export type Request = RunRequest | CheckRequest

/** One named check's outcome, as `npm run verify` reports it. */
export interface CheckOutcome {
  name: string
  /** A check, or one of the answer's own tests (probes are not reported). */
  group: Exclude<TestGroup, 'probes'>
  passed: boolean
  message?: string
}

export type Reply =
  /** The code to run has arrived: from now on, a silence means a loop that never ends. */
  | { id: number; kind: 'loaded' }
  /** A line the code printed (console.log on out, console.error and warn on err). */
  | { id: number; kind: 'line'; stream: 'out' | 'err'; text: string }
  /** A check ended: what it said. */
  | { id: number; kind: 'check'; outcome: CheckOutcome }
  /** The run or the check ended: its error if it threw. */
  | { id: number; kind: 'done'; error?: string }
