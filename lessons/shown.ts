/**
 * How the checkers quote a value in their messages: on one line, as Node's
 * inspect shows it, to `depth` levels (Node's default, 2, unless given).
 * It imports only node:util, which the page's check worker has a copy of.
 */
import { inspect } from 'node:util'

export const shown = (value: unknown, depth = 2): string =>
  inspect(value, { breakLength: Infinity, compact: true, depth })
