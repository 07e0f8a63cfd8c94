// A CommonJS app: `node app.cjs <database file>`. Node 20.19 and newer require() ES modules.
const library = require('eventsource-ts')
const { z } = require('zod')
const { saveAndLoad } = require('./save-and-load.mjs')

import('eventsource-ts')
  .then((imported) => saveAndLoad(library, z, imported, process.argv[2]))
  .then((result) => console.log(JSON.stringify(result)))
