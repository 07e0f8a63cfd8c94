// Loaded first (node --require ./probe.cjs): records which database drivers the process loads, as modules
// (in require.cache, where CommonJS packages such as better-sqlite3 and pg land, imported or required) and as
// native binaries (process.dlopen).
const { basename } = require('node:path')

const binaries = []
const dlopen = process.dlopen
process.dlopen = function (module, filename, ...rest) {
  binaries.push(`native ${basename(filename)}`)
  return dlopen.call(this, module, filename, ...rest)
}

const DRIVER =
  /[\\/]node_modules[\\/](better-sqlite3|pg|@electric-sql[\\/]pglite)[\\/]/

globalThis.loadedDrivers = () => [
  ...new Set([
    ...Object.keys(require.cache)
      .map((path) => DRIVER.exec(path)?.[1])
      .filter((name) => name !== undefined),
    ...binaries,
  ]),
]
