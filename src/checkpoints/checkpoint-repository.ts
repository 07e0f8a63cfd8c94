/**
 * Where subscriptions keep their checkpoints: for each subscription name, the global position of the last
 * event it has finished with. A subscription resumes after it.
 */
export interface CheckpointRepository {
  /** The saved position; 0 when there is none. */
  getPosition(subscription: string): Promise<number>
  savePosition(subscription: string, position: number): Promise<void>
  /** Forgets the position, so the subscription starts again from the beginning. */
  resetPosition(subscription: string): Promise<void>
}
