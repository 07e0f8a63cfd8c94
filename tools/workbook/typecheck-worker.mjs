// Runs a typeChecker() off the main thread, so the compiler works while the checks run. Plain JavaScript: a
// worker thread does not inherit tsx's hooks on Node 20, so it registers them itself before loading any .ts.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { typeChecker } = await import('./typecheck.ts')
const check = typeChecker()
// Files sent before this listener was added wait in the port's queue.
parentPort.on('message', (files) => parentPort.postMessage(check(files)))
