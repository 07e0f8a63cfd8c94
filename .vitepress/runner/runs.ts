/**
 * The page's side of the runner: starts the worker on the first Run (so a page loads no engine until a
 * reader asks), keeps what each run printed where the page's components can show it, and stops a run that
 * does not end.
 */
import { reactive } from 'vue'
import type { CheckOutcome, Reply, Request } from './protocol.ts'

export interface Line {
  stream: 'out' | 'err'
  text: string
}

export interface Run {
  state: 'running' | 'done' | 'failed'
  lines: Line[]
  /** Why it failed: what it threw, or that it was stopped. */
  error?: string
  checks?: CheckOutcome[]
  /** Milliseconds from the request to the first line, and to the end. */
  firstOutputMs?: number
  tookMs?: number
}

/** A run that has not ended by then loops for ever: the worker is stopped, and a new one starts next time. */
export const RUN_TIMEOUT_MS = 10_000

/** Runs by what they ran: `"12/in-memory"` for a section, `"exercise:01-1"` for a check. */
export const runs = reactive(new Map<string, Run>())

let worker: Worker | undefined
let nextId = 1
const waiting = new Map<
  number,
  { key: string; started: number; done: () => void }
>()

function startWorker(): Worker {
  const started = new Worker(new URL('./worker.ts', import.meta.url), {
    type: 'module',
  })
  started.onmessage = ({ data }: MessageEvent<Reply>) => {
    const request = waiting.get(data.id)
    const run = request && runs.get(request.key)
    if (!request || !run) return
    if (data.kind === 'line') {
      run.firstOutputMs ??= performance.now() - request.started
      run.lines.push({ stream: data.stream, text: data.text })
      return
    }
    run.tookMs = performance.now() - request.started
    run.state = data.error ? 'failed' : 'done'
    if (data.error) run.error = data.error
    if (data.checks) run.checks = data.checks
    waiting.delete(data.id)
    request.done()
  }
  return started
}

/** A request before the runner gives it its id. */
type Unsent = Request extends infer R
  ? R extends Request
    ? Omit<R, 'id'>
    : never
  : never

function send(key: string, request: Unsent): Promise<void> {
  worker ??= startWorker()
  const id = nextId++
  runs.set(key, { state: 'running', lines: [] })
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      const run = runs.get(key)
      if (run?.state !== 'running') return
      // The worker is stuck: a loop that never yields. Only stopping it ends the loop.
      worker?.terminate()
      worker = undefined
      for (const [otherId, other] of waiting) {
        const stopped = runs.get(other.key)
        if (stopped) {
          stopped.state = 'failed'
          stopped.error =
            otherId === id
              ? `Stopped after ${RUN_TIMEOUT_MS / 1000} s: the code did not finish (a loop that never ends?).`
              : 'Stopped: the runner was restarted.'
        }
        other.done()
      }
      waiting.clear()
    }, RUN_TIMEOUT_MS)
    waiting.set(id, {
      key,
      started: performance.now(),
      done: () => {
        clearTimeout(timer)
        resolve()
      },
    })
    worker!.postMessage({ ...request, id } as Request)
  })
}

/** Runs a lesson section, `"12/in-memory"`, in the worker. */
export function runSection(section: string): Promise<void> {
  return send(section, { kind: 'run', section })
}

/** Checks an answer to an exercise in the worker, with the checks `npm run verify` runs. */
export function checkAnswer(exercise: string, code: string): Promise<void> {
  return send(`exercise:${exercise}`, { kind: 'check', exercise, code })
}
