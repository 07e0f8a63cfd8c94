/**
 * Side-by-side timing. The contenders of a workload take turns slice by slice within each round, so a burst
 * of load on a shared machine falls on all of them alike; the ratios between them are what to trust.
 */

/** One timed run, cut into slices. Setup and teardown stay outside the clock. */
export interface Trial {
  slices: number
  /** Runs one slice; resolves to how many events it handled. */
  runSlice(index: number): Promise<number>
  dispose?(): Promise<void> | void
}

/** Events per second over the repetitions: the slowest and the median. */
export interface Sample {
  rates: number[]
  min: number
  median: number
}

/**
 * With --expose-gc: a full collection before each round, and a young-generation one before each slice, so
 * one contender's garbage is not collected on another's clock (a young collection costs what survives).
 */
const gc =
  (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc ??
  (() => undefined)

const STEADY_SECONDS = 2
const MAX_ROUNDS = 15

/**
 * Runs each contender `repetitions` times, after one warm-up round that is not recorded (it lets the JIT
 * and the caches settle; `prepare` may make that round smaller; `warmUp: false` skips it for long runs).
 * A quick workload gets more rounds, up to MAX_ROUNDS, until its recorded rounds have run for
 * STEADY_SECONDS: a run of a few milliseconds is at the mercy of one collection or one burst of load, and
 * three of them give a median as noisy. `prepare` builds a contender's trial outside the clock.
 */
export async function sideBySide<K extends string>(
  repetitions: number,
  prepare: Record<K, (warmUp: boolean) => Promise<Trial>>,
  { warmUp = true }: { warmUp?: boolean } = {},
): Promise<Record<K, Sample>> {
  const names = Object.keys(prepare) as K[]
  const rates = Object.fromEntries(
    names.map((name) => [name, [] as number[]]),
  ) as Record<K, number[]>
  let recorded = 0 // seconds, over every contender's recorded rounds
  for (
    let round = warmUp ? 0 : 1;
    round <= repetitions || (recorded < STEADY_SECONDS && round <= MAX_ROUNDS);
    round++
  ) {
    const trials: Trial[] = []
    for (const name of names) trials.push(await prepare[name](round === 0))
    const seconds = names.map(() => 0)
    const events = names.map(() => 0)
    gc({ type: 'major' })
    for (
      let slice = 0;
      slice < Math.max(...trials.map((t) => t.slices));
      slice++
    ) {
      for (const [i, trial] of trials.entries()) {
        if (slice >= trial.slices) continue
        gc({ type: 'minor' })
        const start = performance.now()
        events[i]! += await trial.runSlice(slice)
        seconds[i]! += (performance.now() - start) / 1000
      }
    }
    for (const trial of trials) await trial.dispose?.()
    if (round === 0) continue
    names.forEach((name, i) => rates[name].push(events[i]! / seconds[i]!))
    recorded += seconds.reduce((sum, s) => sum + s, 0)
  }
  return Object.fromEntries(
    names.map((name) => [name, summarize(rates[name])]),
  ) as Record<K, Sample>
}

export function summarize(values: number[]): Sample {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median =
    sorted.length % 2 === 1
      ? sorted[middle]!
      : (sorted[middle - 1]! + sorted[middle]!) / 2
  return { rates: values, min: sorted[0]!, median }
}
