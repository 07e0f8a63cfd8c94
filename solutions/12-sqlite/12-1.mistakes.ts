/** Known wrong answers to 12-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

const STORE = `    await using store = new SQLiteEventStore({
      database: ':memory:',
      eventRegistry: registerNoteEvents(new EventRegistry()),
    })
`

export default [
  {
    name: 'shared-store',
    what: 'one store for the whole file, so tests see each other\u2019s notes',
    replace: [
      [
        'export const test = base.extend<NoteFixtures>({',
        `const shared = new SQLiteEventStore({
  database: ':memory:',
  eventRegistry: registerNoteEvents(new EventRegistry()),
})

export const test = base.extend<NoteFixtures>({`,
      ],
      [STORE, '    const store = shared\n'],
    ],
    fails: [
      'step 2',
      'closed after it',
      'starts every test with an empty database',
    ],
  },
  {
    name: 'never-closed',
    what: 'a fresh store per test, never closed: each test leaks a database',
    replace: [['await using store =', 'const store =']],
    fails: ['closed after it'],
  },
  {
    name: 'use-not-awaited',
    what: 'use(store) without await: the store closes before the test runs',
    replace: [['    await use(store) //', '    void use(store) //']],
    fails: ['initialized'],
    says: ['await'],
  },
  {
    name: 'empty-registry',
    what: 'the Python original\u2019s new, empty EventRegistry: nothing saves',
    replace: [
      [
        'eventRegistry: registerNoteEvents(new EventRegistry()),',
        'eventRegistry: new EventRegistry(),',
      ],
    ],
    fails: ['registry knows NoteCreated', 'noteRepository is', 'savedNote is'],
    says: ['lacks NoteCreated and NoteUpdated'],
  },
  {
    name: 'half-registry',
    what: 'a registry with NoteCreated only: no note can be updated',
    replace: [
      [
        'eventRegistry: registerNoteEvents(new EventRegistry()),',
        'eventRegistry: new EventRegistry(),',
      ],
      [
        '    await store.initialize()\n',
        `    const notes = registerNoteEvents(new EventRegistry())
    store.eventRegistry.register(notes.get('NoteCreated'))
    await store.initialize()
`,
      ],
    ],
    fails: ['registry knows NoteCreated and NoteUpdated'],
    says: ['lacks NoteUpdated'],
  },
  {
    name: 'never-hands-over',
    what: 'a fixture that waits for ever instead of calling use(store)',
    replace: [
      ['    await use(store) //', '    await new Promise<void>(() => {}) //'],
    ],
    fails: ['eventStore is a new SQLiteEventStore'],
    says: ['never settles'],
  },
] satisfies Mistake[]
