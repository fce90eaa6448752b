/**
 * The mock Huawei Cloud: IAM, an AK/SK and token gateway, and /__mock/ introspection, on one loopback port.
 * Here: this entry, the test account (fixtures.ts) and the HTTP shell (server, router, wire, request log,
 * introspection); iam/ the IAM endpoints; gateway/ the APIG-like checks; shared/ the state both services use.
 */
import { GATEWAY_CODE } from './gateway/gatewayErrors';
import { IAM_CODE } from './iam/iamErrors';

export { startMockCloud, MAX_HEADER_BYTES } from './server';
export type { MockCloud, MockCloudOptions } from './cloudOptions';
export type { MockStats, Verdict, AuthKind } from './shared/stats';
export type { MockFaults, MockFaultsPatch } from './shared/faults';
export type { MockMemory } from './introspection';
export const MOCK_ERROR_CODES = { ...GATEWAY_CODE, ...IAM_CODE } as const;
export { ROUTES as MOCK_ROUTES } from './router';
export * from './fixtures';
