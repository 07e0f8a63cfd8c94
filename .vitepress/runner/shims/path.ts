/** `node:path` in a browser: named by the library's file-handling code, which runs only on Node.js. */
import { unavailable } from './unavailable.ts'

export const dirname = unavailable('node:path')
export const resolve = unavailable('node:path')
export const join = unavailable('node:path')
export const basename = unavailable('node:path')
