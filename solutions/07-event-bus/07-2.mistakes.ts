/** Known wrong answers to 07-2: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'task-events-only',
    what: 'subscribes to each task class it knows, not to every event',
    replace: [
      [
        "import type { InMemoryEventBus, Unsubscribe } from 'eventsource-ts'",
        'import type {\n  DomainEvent,\n  InMemoryEventBus,\n  Unsubscribe,\n' +
          "} from 'eventsource-ts'\nimport * as domain from " +
          "'../../lessons/03-first-aggregate/tasks.ts'\n\n" +
          'const TASK_EVENTS = [domain.TaskCreated, domain.TaskAssigned, ' +
          'domain.TaskReassigned, domain.TaskCompleted, domain.TaskReopened]',
      ],
      [
        '    this.#unsubscribe = bus.subscribeAll((event) => {\n',
        '    const record = (event: DomainEvent) => {\n',
      ],
      [
        '      )\n    })\n',
        '      )\n    }\n' +
          '    const each = TASK_EVENTS.map((c) =>\n' +
          '      bus.subscribe(c, record))\n' +
          '    this.#unsubscribe = () => each.forEach((off) => off())\n',
      ],
    ],
    fails: ['events of every type'],
    says: ['subscribeAll()', 'not to a list of classes'],
  },
  {
    name: 'unbound-method',
    what: 'hands subscribeAll() a method as it is: it loses its this',
    replace: [
      [
        "import type { InMemoryEventBus, Unsubscribe } from 'eventsource-ts'",
        'import type {\n  DomainEvent,\n  InMemoryEventBus,\n  Unsubscribe,\n' +
          "} from 'eventsource-ts'",
      ],
      [
        '    this.#unsubscribe = bus.subscribeAll((event) => {\n',
        '    this.#unsubscribe = bus.subscribeAll(this.record)\n  }\n\n' +
          '  record(event: DomainEvent): void {\n',
      ],
      ['      )\n    })\n', '      )\n'],
    ],
    fails: ['records each event a repository saves'],
    says: ['loses its `this`', '(event) => this.record(event)'],
  },
  {
    name: 'stop-forgets',
    what: 'stop() forgets the Unsubscribe without calling it',
    replace: [['    this.#unsubscribe?.()\n', '']],
    fails: ['stop() ends the subscription'],
    says: ['expected the line of the event before', 'calls the Unsubscribe'],
  },
  {
    name: 'stop-clears',
    what: 'stop() ends the subscription and throws the lines away',
    replace: [
      [
        '    this.#unsubscribe = undefined\n',
        '    this.#unsubscribe = undefined\n    this.lines.length = 0\n',
      ],
    ],
    fails: ['keeps the lines'],
    says: ['leaves the lines'],
  },
  {
    name: 'stop-before-start',
    what: 'stop() calls the Unsubscribe even when there is none',
    replace: [['    this.#unsubscribe?.()\n', '    this.#unsubscribe!()\n']],
    fails: ['never started'],
    says: ['stop() threw'],
  },
] satisfies Mistake[]
