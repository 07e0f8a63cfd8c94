import { describe } from 'vitest'
import { describeCheckpoints } from './processing/checkpoints.ts'
import { describeDeadLetters } from './processing/dead-letters.ts'
import type { ProcessingContractTarget } from './processing/fixtures.ts'
import { useHarness } from './processing/harness.ts'
import { describeSnapshots } from './processing/snapshots.ts'
import { describeSubscriptions } from './processing/subscriptions.ts'

export type { ProcessingContractTarget } from './processing/fixtures.ts'

/**
 * The event-processing contract, as one vitest suite to run against every backend: checkpoints, snapshots,
 * dead letters, and subscriptions over them (catching up, going live, filtering, stopping, failing).
 * Outside implementations of the interfaces can run it too.
 */
export function describeEventProcessingContract(
  target: ProcessingContractTarget,
): void {
  describe(`Event processing contract: ${target.name}`, () => {
    const harness = useHarness(target)
    describeCheckpoints(harness)
    describeSnapshots(harness)
    describeDeadLetters(harness)
    describeSubscriptions(harness)
  })
}
