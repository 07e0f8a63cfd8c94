/**
 * `node:fs` in a browser: the library names these in code that runs only on Node.js (a SQLite file's
 * directory, a PGlite data directory). A page has no files; a call says so.
 */
import { unavailable } from './unavailable.ts'

export const existsSync = unavailable('node:fs')
export const readdirSync = unavailable('node:fs')
export const statSync = unavailable('node:fs')
export const mkdirSync = unavailable('node:fs')
export const watch = unavailable('node:fs')
