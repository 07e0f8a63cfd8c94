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
const RUN_TIMEOUT_MS = 10_000

/** The id of the block that shows a section's output, `output-12-in-memory`: a Run's result links to it. */
export const outputId = (section: string): string =>
  `output-${section.replace('/', '-')}`

/** Runs by what they ran: `"12/in-memory"` for a section, `"exercise:01-1"` for a check. */
export const runs = reactive(new Map<string, Run>())

/** A request before the runner gives it its id. */
type Unsent = Request extends infer R
  ? R extends Request
    ? Omit<R, 'id'>
    : never
  : never

interface Pending {
  id: number
  request: Unsent
  /** The run this request reports into (a later run of the same key is another one). */
  run: Run
  requested: number
  timer?: ReturnType<typeof setTimeout>
  done: Promise<void>
  settle: () => void
}

let nextId = 1

/**
 * A worker and the requests it is asked: one at a time, in order (two sections at once would print into
 * each other's output), a request for what is already running being that same request.
 */
class Channel {
  readonly #worker: Worker
  readonly #onStopped: () => void
  /** The request in hand first, then those waiting their turn. */
  readonly #queue: Pending[] = []

  constructor(worker: Worker, onStopped: () => void) {
    this.#worker = worker
    this.#onStopped = onStopped
    worker.onmessage = ({ data }: MessageEvent<Reply>) => this.#receive(data)
    // An error nothing caught (or a chunk that did not load) ends the worker and what it was doing.
    worker.onerror = (event) =>
      this.stop(`The runner stopped: ${event.message || 'see the console'}.`)
  }

  send(key: string, request: Unsent): Promise<void> {
    const asked = this.#queue.find((pending) => runs.get(key) === pending.run)
    if (asked) return asked.done
    runs.set(key, { state: 'running', lines: [], checks: [] })
    // The reactive one, which the page's components watch.
    const run = runs.get(key)!
    let settle = () => {}
    const done = new Promise<void>((resolve) => (settle = resolve))
    const id = nextId++
    this.#queue.push({
      id,
      request,
      run,
      requested: performance.now(),
      done,
      settle,
    })
    if (this.#queue.length === 1) this.#post()
    return done
  }

  /** Ends the worker: what it was still doing, or waiting to do, fails with `why`. */
  stop(why = 'Stopped.'): void {
    this.#worker.terminate()
    for (const pending of this.#queue.splice(0)) this.#end(pending, why)
    this.#onStopped()
  }

  #post(): void {
    const next = this.#queue[0]
    if (next)
      this.#worker.postMessage({ ...next.request, id: next.id } as Request)
  }

  /** The request in hand has said nothing for too long: it loops, and only ending the worker stops it. */
  #watch(pending: Pending): void {
    clearTimeout(pending.timer)
    pending.timer = setTimeout(() => {
      this.#queue.shift()
      this.#end(
        pending,
        `Stopped after ${RUN_TIMEOUT_MS / 1000} s without a sign of life: the code did not finish (a loop that never ends?).`,
      )
      this.stop('Stopped: the runner was restarted.')
    }, RUN_TIMEOUT_MS)
  }

  #receive(data: Reply): void {
    const pending = this.#queue[0]
    if (pending?.id !== data.id) return
    const { run } = pending
    if (data.kind === 'done') {
      this.#queue.shift()
      this.#end(pending, data.error)
      this.#post()
      return
    }
    this.#watch(pending)
    if (data.kind === 'line') {
      run.firstOutputMs ??= performance.now() - pending.requested
      run.lines.push({ stream: data.stream, text: data.text })
    } else if (data.kind === 'check') {
      run.checks.push(data.outcome)
    }
  }

  #end(pending: Pending, error: string | undefined): void {
    clearTimeout(pending.timer)
    const { run } = pending
    run.tookMs = performance.now() - pending.requested
    run.state = error === undefined ? 'done' : 'failed'
    if (error !== undefined) run.error = error
    pending.settle()
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
