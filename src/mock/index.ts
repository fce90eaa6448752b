/** The mock Huawei Cloud: IAM, an AK/SK and token gateway, and /__mock/ introspection, on one loopback port. */
export { startMockCloud, MAX_HEADER_BYTES } from './server';
export type { MockCloud, MockCloudOptions } from './options';
export type { MockStats, Verdict, AuthKind } from './stats';
export type { MockFaults, MockFaultsPatch } from './faults';
export { CODE as MOCK_ERROR_CODES } from './errors';
export { ROUTES as MOCK_ROUTES } from './router';
export * from './fixtures';
