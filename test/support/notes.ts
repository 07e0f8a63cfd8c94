// The Note domain of Lesson 12, for the library's own tests, with a registry of its own that holds just
// the note events (the lesson's module also registers them in defaultRegistry).
import { EventRegistry } from 'eventsource-ts'
import { registerNoteEvents } from '../../lessons/12-sqlite/notes.ts'

export {
  NoteAggregate,
  NoteCreated,
  NoteUpdated,
  type NoteState,
} from '../../lessons/12-sqlite/notes.ts'

export const notesRegistry = registerNoteEvents(new EventRegistry())
