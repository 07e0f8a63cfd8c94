/**
 * The page's side of the runner: starts a worker on the first Run (so a page loads no engine until a
 * reader asks), keeps what each run printed where the page's components can show it, and stops a run that
 * goes quiet for too long. Sections share one worker; each Check of an answer gets a fresh one.
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
  /** For a Check: what each check said, as it ended. */
  checks: CheckOutcome[]
  /** Milliseconds from the request to the first line, and to the end. */
  firstOutputMs?: number
  tookMs?: number
}

/**
 * A run that says nothing for this long is stuck in a loop that never yields: its worker is stopped
 * (nothing else can stop such a loop), and a new one starts next time.
 */
export const RUN_TIMEOUT_MS = 10_000

/** Runs by what they ran: `"12/in-memory"` for a section, `"exercise:01-1"` for a check. */
export const runs = reactive(new Map<string, Run>())

/** A request before the runner gives it its id. */
type Unsent = Request extends infer R
  ? R extends Request
    ? Omit<R, 'id'>
    : never
  : never

interface Pending {
  key: string
  started: number
  timer: ReturnType<typeof setTimeout>
  settle: () => void
}

let nextId = 1

/** A worker and the requests it is working on. */
class Channel {
  readonly #worker: Worker
  readonly #pending = new Map<number, Pending>()
  #onStopped: () => void

  constructor(worker: Worker, onStopped: () => void) {
    this.#worker = worker
    this.#onStopped = onStopped
    worker.onmessage = ({ data }: MessageEvent<Reply>) => this.#receive(data)
    // An error nothing caught (or a chunk that did not load) ends the worker and what it was doing.
    worker.onerror = (event) =>
      this.stop(`The runner stopped: ${event.message || 'see the console'}.`)
  }

  send(key: string, request: Unsent): Promise<void> {
    const id = nextId++
    runs.set(key, { state: 'running', lines: [], checks: [] })
    return new Promise((settle) => {
      this.#pending.set(id, {
        key,
        started: performance.now(),
        timer: this.#watchdog(id),
        settle,
      })
      this.#worker.postMessage({ ...request, id } as Request)
    })
  }

  /** Ends the worker: what it was still doing fails with `why`. */
  stop(why = 'Stopped.'): void {
    this.#worker.terminate()
    for (const [id, request] of this.#pending) this.#end(id, request, why)
    this.#onStopped()
  }

  #watchdog(id: number): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      const stuck = this.#pending.get(id)
      if (!stuck) return
      this.#end(
        id,
        stuck,
        `Stopped after ${RUN_TIMEOUT_MS / 1000} s without a sign of life: the code did not finish (a loop that never ends?).`,
      )
      this.stop('Stopped: the runner was restarted.')
    }, RUN_TIMEOUT_MS)
  }

  #receive(data: Reply): void {
    const request = this.#pending.get(data.id)
    const run = request && runs.get(request.key)
    if (!request || !run) return
    clearTimeout(request.timer)
    request.timer = this.#watchdog(data.id)
    if (data.kind === 'line') {
      run.firstOutputMs ??= performance.now() - request.started
      run.lines.push({ stream: data.stream, text: data.text })
    } else if (data.kind === 'check') {
      run.checks.push(data.outcome)
    } else {
      this.#end(data.id, request, data.error)
    }
  }

  #end(id: number, request: Pending, error: string | undefined): void {
    clearTimeout(request.timer)
    this.#pending.delete(id)
    const run = runs.get(request.key)
    if (run) {
      run.tookMs = performance.now() - request.started
      run.state = error === undefined ? 'done' : 'failed'
      if (error !== undefined) run.error = error
    }
    request.settle()
  }
}

let sectionRunner: Channel | undefined

/** Runs a lesson section, `"12/in-memory"`, in the worker the page's sections share. */
export function runSection(section: string): Promise<void> {
  sectionRunner ??= new Channel(
    new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
    () => (sectionRunner = undefined),
  )
  return sectionRunner.send(section, { kind: 'run', section })
}

/** Checks an answer to an exercise with the checks `npm run verify` runs, in a worker of its own. */
export async function checkAnswer(
  exercise: string,
  code: string,
): Promise<void> {
  const checker = new Channel(
    new Worker(new URL('./check-worker.ts', import.meta.url), {
      type: 'module',
    }),
    () => {},
  )
  await checker.send(`exercise:${exercise}`, { kind: 'check', exercise, code })
  checker.stop()
}
