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
  },
})
