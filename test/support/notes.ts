// The Note domain of Lesson 12, for the library's own tests, in a registry of its own.
import { z } from 'zod'
import { AggregateRoot, defineEvent, EventRegistry, type DomainEvent } from 'eventsource-ts'

export const notesRegistry = new EventRegistry()

export const NoteCreated = defineEvent({
  eventType: 'NoteCreated',
  aggregateType: 'Note',
  schema: z.object({ title: z.string(), content: z.string() }),
  registry: notesRegistry,
})
export const NoteUpdated = defineEvent({
  eventType: 'NoteUpdated',
  aggregateType: 'Note',
  schema: z.object({ content: z.string() }),
  registry: notesRegistry,
})

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
    if (event instanceof NoteCreated) this.state = { ...this.state, title: event.title, content: event.content }
    else if (event instanceof NoteUpdated) this.state = { ...this.state, content: event.content }
  }
  create(title: string, content: string): void {
    this.applyEvent(new NoteCreated({ aggregateId: this.aggregateId, aggregateVersion: this.getNextVersion(), title, content }))
  }
  update(content: string): void {
    this.applyEvent(new NoteUpdated({ aggregateId: this.aggregateId, aggregateVersion: this.getNextVersion(), content }))
  }
}
