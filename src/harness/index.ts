/** The Newman harness: run generated collections against the mock cloud and report the numbers. */
export { runAgainstMock, REPORTS_DIR, type CollectionRunOptions, type CollectionRunResult, type RunFailure } from './runAgainstMock';
export { getMockStats, resetMock, setMockFaults } from './mockClient';
export { summaryTable, failureLines } from './summary';
export type { NewmanSummary } from '../lib/newman/api';
