/** Known wrong answers to 07-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'no-publisher',
    what: 'the repository is given no eventPublisher: saves publish nothing',
    replace: [['    eventPublisher: bus,\n', '']],
    fails: ["once a task's creation is saved"],
    says: ['published nothing', 'eventPublisher: bus'],
  },
  {
    name: 'another-bus',
    what: 'the list is subscribed to a bus of its own, not the repository’s',
    replace: [
      [
        '  list.subscribeTo(bus)\n',
        '  list.subscribeTo(new InMemoryEventBus())\n',
      ],
    ],
    fails: ["once a task's creation is saved"],
    says: ['the list did not hear it', 'that same bus'],
  },
  {
    name: 'ghost-item',
    what: 'the TaskCompleted handler assumes the list has an item of the task',
    replace: [
      [
        '        const item = this.#items.get(event.aggregateId)\n' +
          "        if (item) item.status = 'completed'\n",
        "        this.#items.get(event.aggregateId)!.status = 'completed'\n",
      ],
    ],
    fails: ['never saw created'],
    says: [
      'has no item for made your handler throw',
      'only when the list has one',
    ],
  },
  {
    name: 'ends-one-subscription',
    what: 'the function returned ends the TaskCreated subscription alone',
    replace: [
      [
        '      for (const unsubscribe of subscriptions) unsubscribe()\n',
        '      subscriptions[0]!()\n',
      ],
    ],
    fails: ['ends every subscription'],
    says: ['still heard a TaskReopened', 'all three subscriptions'],
  },
  {
    name: 'one-bus-for-all',
    what: 'one bus and one list for the module, shared by every app',
    replace: [
      [
        'export function wireTaskList(',
        'const shared = {\n  bus: new InMemoryEventBus(),\n' +
          '  list: new TaskList(),\n}\n' +
          'shared.list.subscribeTo(shared.bus)\n\n' +
          'export function wireTaskList(',
      ],
      [
        '  const bus = new InMemoryEventBus()\n' +
          '  const list = new TaskList()\n' +
          '  list.subscribeTo(bus)\n',
        '  const { bus, list } = shared\n',
      ],
    ],
    fails: ['of its own'],
    says: ['showed up in the list of another'],
  },
] satisfies Mistake[]
