import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'
import { TEST_CONDITIONS } from './tools/source-condition.ts'

export default defineConfig({
  // Tests import the library by its package name, from source.
  ssr: { resolve: { conditions: [...TEST_CONDITIONS] } },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/leave-nothing.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Most files spend their time waiting on processes they start (the site's build, Chromium, servers, the
    // learner's tools), so one file a core keeps the cores busy: vitest's default leaves one core idle.
    maxWorkers: availableParallelism(),
  },
})
