/**
 * `node:crypto` in a browser. Lesson code takes randomUUID from it, which Web Crypto has too; the
 * library's migration hashes with createHash and hash, which run only on Node.js.
 */
import { unavailable } from './unavailable.ts'

export function randomUUID(): string {
  return crypto.randomUUID()
}

export const createHash = unavailable('node:crypto createHash')

export const hash = unavailable('node:crypto hash')
