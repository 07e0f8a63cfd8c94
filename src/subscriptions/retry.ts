import { InvalidArgumentError } from '../errors.ts'
import { requireInteger, requireOptions } from '../stores/arguments.ts'

/** How a subscription retries: a failing handler, up to `maxAttempts`; a failing store, for as long as it takes. */
export interface RetryOptions {
  /** Attempts at handling one event, the first included (default 3). */
  maxAttempts?: number
  /** Milliseconds before the first retry (default 100); each later one waits twice as long as the one before. */
  initialDelay?: number
  /** The longest wait between two attempts, in milliseconds (default 10,000). */
  maxDelay?: number
}

export type RetrySettings = Required<RetryOptions>

const DEFAULTS: RetrySettings = {
  maxAttempts: 3,
  initialDelay: 100,
  maxDelay: 10_000,
}

export function checkRetryOptions(
  method: string,
  options: RetryOptions | undefined,
): RetrySettings {
  const settings = {
    ...DEFAULTS,
    ...requireOptions(`${method} retry`, options, [
      'maxAttempts',
      'initialDelay',
      'maxDelay',
    ]),
  }
  requireInteger(method, 'retry.maxAttempts', settings.maxAttempts, 1)
  requireInteger(method, 'retry.initialDelay', settings.initialDelay, 0)
  requireInteger(method, 'retry.maxDelay', settings.maxDelay, 0)
  if (settings.maxDelay < settings.initialDelay)
    throw new InvalidArgumentError(
      `${method}: retry.maxDelay (${settings.maxDelay}) must be at least retry.initialDelay (${settings.initialDelay}).`,
    )
  return settings
}

/** The wait before attempt `failures + 1`: exponential backoff, capped. */
export function retryDelay(failures: number, retry: RetrySettings): number {
  return Math.min(retry.maxDelay, retry.initialDelay * 2 ** (failures - 1))
}
