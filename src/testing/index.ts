// Test helpers for code built on eventsource-ts: import from 'eventsource-ts/testing' in vitest tests.
export { describeEventStoreContract } from './contract.ts'
export type { ContractTarget, RowCorruption } from './contract.ts'
export { describeEventProcessingContract } from './processing-contract.ts'
export type { ProcessingContractTarget } from './processing-contract.ts'
