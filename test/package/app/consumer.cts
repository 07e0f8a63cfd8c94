// A CommonJS module of an app's TypeScript: with module NodeNext, TypeScript 5.8 and newer let it require()
// the library's ES modules, as Node 20.19 and newer do.
import library = require('eventsource-ts')

const store: library.EventStore = new library.InMemoryEventStore()
export = store
