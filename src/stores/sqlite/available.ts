import { SQLITE_AVAILABLE as engineAvailable } from '#sqlite-engine'

/**
 * True when the SQLite store's engine is there: on Node.js, better-sqlite3 installed with its native
 * binding built (checked without loading it); in a browser bundle, sqlite-wasm, which the bundle holds.
 * Its own module, so the declarations name no `#sqlite-engine` import (TypeScript's node10 resolution,
 * which predates package imports, would not find it).
 */
export const SQLITE_AVAILABLE: boolean = engineAvailable
