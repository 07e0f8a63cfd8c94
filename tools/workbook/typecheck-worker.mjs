// Runs a typeChecker() off the main thread, so the compiler works while the checks run. Plain JavaScript: the
// worker starts without node's flags (typecheck.ts), so it registers tsx's hooks itself before loading any .ts.
import { parentPort } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
const { typeChecker } = await import('./typecheck.ts')
const check = typeChecker()
// Files sent before this listener was added wait in the port's queue.
parentPort.on('message', (files) => parentPort.postMessage(check(files)))
