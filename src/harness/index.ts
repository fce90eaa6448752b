/** The Newman harness: run generated collections against the mock cloud and report the numbers. */
export { runCollection, REPORTS_DIR, type CollectionRunOptions, type CollectionRunResult, type RunFailure } from './runCollection';
export { getMockStats, resetMock, setMockFaults } from './mockClient';
export { summaryTable, failureLines } from './summary';
export { runNewman } from './newman';
export type { NewmanSummary } from '../newman/api';
