// What an app does, in plain JavaScript: events defined, an aggregate saved and read back on the in-memory
// store and on a SQLite file. Both entry points (app.mjs, app.cjs) run it on the library they
// loaded; `otherCopy` is the library loaded the other way (import or require), to compare.
export async function saveAndLoad(library, z, otherCopy, file) {
  const {
    AggregateRepository,
    AggregateRoot,
    defineEvent,
    InMemoryEventStore,
    isEventSourceError,
    PostgreSQLEventStore,
    SQLITE_AVAILABLE,
    SQLiteEventStore,
  } = library
  const driversAtImport = globalThis.loadedDrivers()

  const NoteCreated = defineEvent({
    eventType: 'NoteCreated',
    aggregateType: 'Note',
    schema: z.object({ title: z.string() }),
  })
  class Note extends AggregateRoot {
    static aggregateType = 'Note'
    getInitialState() {
      return { title: '' }
    }
    apply(event) {
      if (event instanceof NoteCreated) this.state = { title: event.title }
    }
    create(title) {
      this.applyEvent(
        new NoteCreated({
          aggregateId: this.aggregateId,
          aggregateVersion: this.getNextVersion(),
          title,
        }),
      )
    }
  }
  const repository = (eventStore) =>
    new AggregateRepository({
      eventStore,
      aggregateFactory: Note,
      aggregateType: 'Note',
    })
  const loaded = async (eventStore) => {
    const { state, version } = await repository(eventStore).load('note-1')
    return { title: state.title, version }
  }
  async function saveNote(eventStore) {
    const note = repository(eventStore).createNew('note-1')
    note.create('Hello')
    await repository(eventStore).save(note)
  }

  const memory = new InMemoryEventStore()
  await memory.initialize()
  await saveNote(memory)
  const fromMemory = await loaded(memory)
  await memory.close()

  const writer = new SQLiteEventStore(file)
  await writer.initialize()
  await saveNote(writer)
  await writer.close()
  const reader = new SQLiteEventStore(file)
  await reader.initialize()
  const fromFile = await loaded(reader)
  await reader.close()

  // pg and PGlite are not installed: the stores say what to install, when they open.
  const missing = {}
  for (const [name, options] of [
    ['pg', { connectionString: 'postgres://localhost:1/events' }],
    ['@electric-sql/pglite', { embedded: true }],
  ]) {
    const error = await new PostgreSQLEventStore(options).initialize().then(
      () => undefined,
      (failure) => failure,
    )
    missing[name] = {
      code: isEventSourceError(error) ? error.code : String(error),
      hint: error.message.includes(`"npm install ${name}"`),
    }
  }

  return {
    sqliteAvailable: SQLITE_AVAILABLE,
    driversAtImport,
    fromMemory,
    fromFile,
    driversAfterSQLite: globalThis.loadedDrivers(),
    oneCopyOfTheLibrary: otherCopy.defaultRegistry === library.defaultRegistry,
    missing,
  }
}
