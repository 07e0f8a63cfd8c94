// An ES module app: `node app.mjs <database file>`.
import { createRequire } from 'node:module'
import * as library from 'eventsource-ts'
import { z } from 'zod'
import { saveAndLoad } from './save-and-load.mjs'

const required = createRequire(import.meta.url)('eventsource-ts')
const result = await saveAndLoad(library, z, required, process.argv[2])
console.log(JSON.stringify(result))
