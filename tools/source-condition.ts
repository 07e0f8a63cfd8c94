/**
 * Inside this repository `eventsource-ts` resolves to its TypeScript source: package.json's "exports" give
 * every entry point this condition first, and the workbook turns it on (tsconfig.json `customConditions`,
 * vitest.config.ts, the npm scripts, and the node flags below). Outside, a consumer gets the build in dist/.
 */
export const SOURCE_CONDITION = 'eventsource-ts:source'

/**
 * Node's flags to run the workbook's TypeScript from source, for child processes: tsx, resolved from here
 * (a bare `--import tsx` looks for it from the working directory), and the condition.
 */
export const FROM_SOURCE: readonly string[] = [
  `--conditions=${SOURCE_CONDITION}`,
  '--import',
  import.meta.resolve('tsx'),
]

/**
 * The conditions of vitest's tests (vite's `ssr.resolve.conditions`): the source condition, and node. Not
 * vite's defaults: vitest hands these to node as `--conditions` too, and node must not take the bundlers'
 * `module` condition (the "module" build of @opentelemetry/api does not run on node).
 */
export const TEST_CONDITIONS: readonly string[] = [SOURCE_CONDITION, 'node']
