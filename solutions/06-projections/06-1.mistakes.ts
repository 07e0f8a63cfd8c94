/** Known wrong answers to 06-1: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'reassigned-twice',
    what: 'a reassigned task is added to the new assignee, and kept by the old',
    replace: [['      this.#count(event.previousAssignee, -1)\n', '']],
    fails: ['counted once'],
    says: ['{ alice: 3, bob: 1, carol: 1 }', 'take it from previousAssignee'],
  },
  {
    name: 'divides-by-zero',
    what: 'completionPercent divides by total even when there is no task',
    replace: [
      [
        'total === 0 ? 0 : (completed / total) * 100',
        '(completed / total) * 100',
      ],
    ],
    fails: ['not NaN'],
    says: ['completionPercent is NaN', '0 / 0 is NaN'],
  },
  {
    name: 'ignores-reopen',
    what: 'a reopened task still counts as completed',
    replace: [['      this.#completed -= 1\n', '']],
    fails: ['pending again'],
    says: ['statistics().completed is 1; expected 0', 'TaskReopened'],
  },
  {
    name: 'fraction',
    what: 'completionPercent is a fraction from 0 to 1, not a percentage',
    replace: [['(completed / total) * 100', 'completed / total']],
    fails: ['from 0 to 100'],
    says: ['is 0.25; expected 25', '* 100'],
  },
  {
    name: 'assigned-stays-unassigned',
    what: 'an assigned task still counts as unassigned',
    replace: [['      this.#unassigned -= 1\n', '']],
    fails: ['never assigned'],
    says: ['unassigned is 3; expected 2'],
  },
] satisfies Mistake[]
