import { requireInteger, requireText } from '../stores/arguments.ts'
import type { CheckpointRepository } from './checkpoint-repository.ts'

/** Checkpoints held in memory, for tests and first steps: they last as long as the object. */
export class InMemoryCheckpointRepository implements CheckpointRepository {
  readonly #positions = new Map<string, number>()

  async getPosition(subscription: string): Promise<number> {
    requireText(
      'InMemoryCheckpointRepository.getPosition',
      'subscription',
      subscription,
    )
    return this.#positions.get(subscription) ?? 0
  }

  async savePosition(subscription: string, position: number): Promise<void> {
    requireText(
      'InMemoryCheckpointRepository.savePosition',
      'subscription',
      subscription,
    )
    requireInteger(
      'InMemoryCheckpointRepository.savePosition',
      'position',
      position,
      0,
    )
    this.#positions.set(subscription, position)
  }

  async resetPosition(subscription: string): Promise<void> {
    requireText(
      'InMemoryCheckpointRepository.resetPosition',
      'subscription',
      subscription,
    )
    this.#positions.delete(subscription)
  }
}
