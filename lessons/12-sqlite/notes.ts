/**
 * The lesson's domain: a note, created once and then updated. The lesson,
 * its exercises and their solutions all import these from here, so there is
 * one NoteCreated class, registered once.
 */
import { z } from 'zod'
import {
  AggregateRoot,
  defineEvent,
  type DomainEvent,
  type EventRegistry,
} from 'eventsource-ts'

// #region events
export const NoteCreated = defineEvent({
  eventType: 'NoteCreated',
  aggregateType: 'Note',
  schema: z.object({ title: z.string(), content: z.string() }),
})
export type NoteCreated = InstanceType<typeof NoteCreated>

export const NoteUpdated = defineEvent({
  eventType: 'NoteUpdated',
  aggregateType: 'Note',
  schema: z.object({ content: z.string() }),
})
export type NoteUpdated = InstanceType<typeof NoteUpdated>
// #endregion events

// #region register
/**
 * Puts the note events in `registry`: a store reads and writes only the event
 * types its registry knows.
 */
export function registerNoteEvents(registry: EventRegistry): EventRegistry {
  registry.register(NoteCreated)
  registry.register(NoteUpdated)
  return registry
}
// #endregion register

// #region aggregate
export interface NoteState {
  noteId: string
  title: string
  content: string
}

export class NoteAggregate extends AggregateRoot<NoteState> {
  static readonly aggregateType = 'Note'

  protected getInitialState(): NoteState {
    return { noteId: this.aggregateId, title: '', content: '' }
  }

  protected apply(event: DomainEvent): void {
    if (event instanceof NoteCreated)
      this.state = { ...this.state, title: event.title, content: event.content }
    else if (event instanceof NoteUpdated)
      this.state = { ...this.state, content: event.content }
  }

  create(title: string, content: string): void {
    this.applyEvent(
      new NoteCreated({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        title,
        content,
      }),
    )
  }

  update(content: string): void {
    this.applyEvent(
      new NoteUpdated({
        aggregateId: this.aggregateId,
        aggregateVersion: this.getNextVersion(),
        content,
      }),
    )
  }
}
// #endregion aggregate
