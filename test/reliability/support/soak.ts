/**
 * How big the reliability tests run. `npm test` runs them small; `RELIABILITY_SOAK=1` runs them at full size,
 * the soak that `npm run bench` runs (group `soak`). With the seed of `random.ts`, a failure replays at its size.
 */
export const soak = process.env.RELIABILITY_SOAK === '1'

/** `quick` in `npm test`, `full` in the soak: `npm test` stays under about 5 minutes, long soaks belong in the bench. */
export function sized(quick: number, full: number): number {
  return soak ? full : quick
}
