/** Known wrong answers to 10-3: the solution, with one mistake each. */
import type { Mistake } from '../../tools/workbook/manifest.ts'

export default [
  {
    name: 'trusts-the-lag',
    what: 'reads the lag only: a failed subscription at lag 0 is healthy',
    replace: [
      [
        `  if (state === 'failed')
    return { health: 'unhealthy', reason: \`failed: \${lastError?.message}\` }
  if (state === 'stopped')
    return { health: 'unhealthy', reason: \`stopped at position \${position}\` }
`,
        '',
      ],
      [
        'const { state, position, lag, lastError } = status',
        'const { state, position, lag } = status',
      ],
    ],
    fails: ['a failed subscription', 'a stopped subscription'],
    says: ["is 'healthy'; expected 'unhealthy'"],
  },
  {
    name: 'degraded-at-max',
    what: 'calls a lag of exactly maxLag degraded',
    replace: [['if (lag > maxLag)', 'if (lag >= maxLag)']],
    fails: ['may reach maxLag'],
    says: ["lag: 10 }, 10) is 'degraded'; expected 'healthy'"],
  },
  {
    name: 'stopped-is-fine',
    what: 'counts only a failed subscription as unhealthy, not a stopped one',
    replace: [
      [
        `  if (state === 'stopped')
    return { health: 'unhealthy', reason: \`stopped at position \${position}\` }
`,
        '',
      ],
    ],
    fails: ['a stopped subscription'],
    says: ['it is stopped at lag 0'],
  },
  {
    name: 'no-reason',
    what: 'says a subscription failed, without its error',
    replace: [['reason: `failed: ${lastError?.message}`', "reason: 'failed'"]],
    fails: ['a failed subscription'],
    says: ['should say why it failed', 'lastError'],
  },
] satisfies Mistake[]
