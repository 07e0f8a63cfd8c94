// Runs typeErrors() off the main thread, so the compiler works while the checks run. Plain JavaScript: a
// worker thread does not inherit tsx's hooks on Node 20, so it registers them itself before loading any .ts.
import { parentPort, workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { typeErrors } = await import('./typecheck.ts')
parentPort.postMessage(typeErrors(workerData))
