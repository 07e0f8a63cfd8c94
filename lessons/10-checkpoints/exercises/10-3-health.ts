/**
 * Exercise 10-3: a health check that reads a subscription's status.
 *
 * An operator's dashboard asks each projection one question: is it keeping
 * up? SubscriptionManager.status(name) has what the answer needs: `state`,
 * `position`, `lag` (how many positions it is behind the last one it saw)
 * and `lastError`. projectionHealth(status, maxLag) answers:
 *   - 'unhealthy' when the subscription has failed, the reason being its
 *     lastError's message, or is stopped, the reason naming its position;
 *   - 'degraded' when it runs, but is more than maxLag positions behind,
 *     the reason saying how many;
 *   - 'healthy' otherwise: live or catching up, at most maxLag behind, the
 *     reason saying which.
 *
 * Check your work with `npm run verify 10-3`. Stuck? `npm run hint 10-3`.
 */
import type { SubscriptionStatus } from 'eventsource-ts'
import { todo } from '../../todo.ts'

export type Health = 'healthy' | 'degraded' | 'unhealthy'

export interface HealthReport {
  health: Health
  /** A sentence for the dashboard: why. */
  reason: string
}

export function projectionHealth(
  status: SubscriptionStatus,
  maxLag = 100,
): HealthReport {
  // TODO 1: a failed or stopped subscription is unhealthy, whatever its
  //         lag: it handles nothing more until it is started again.
  // TODO 2: a running one more than maxLag behind is degraded; any other
  //         is healthy.
  todo('projectionHealth()')
}
