/**
 * The accounts, keys and projects the mock Huawei Cloud knows. Test-only values: they open nothing real.
 * Generated collections, environment templates, tests and the benchmark all take their credentials from here.
 */
export const MOCK_AKSK = {
  ak: 'HWCMOCKACCESSKEY0001',
  sk: 'MockSecretKey0001xxxxxxxxxxxxxxxxxxxxxxx',
} as const;

export const MOCK_ACCOUNT = {
  domainName: 'mock-account',
  domainId: '0a1b2c3d4e5f60718293a4b5c6d7e8f9',
  user: { name: 'mock-user', password: 'Mock-Passw0rd!' },
  /** A second user in the same account, for identity-switch tests. */
  otherUser: { name: 'mock-user-2', password: 'Mock-Passw0rd-2!' },
} as const;

export const MOCK_PROJECTS = [
  { name: 'cn-north-4', id: '77b6a44cba5143ab91d13ab9a8ff44fd' },
  { name: 'ap-southeast-1', id: '05d5c7f2e2004f7a9c1b3e6a1d8f4c21' },
] as const;

/** Temporary keys are issued by POST /v3.0/OS-CREDENTIAL/securitytokens; their SK and token are random per issue. */
export const MOCK_TEMP_AK_PREFIX = 'HWCMOCKTEMPAK';

/**
 * API Gateway apps for the published APIs under /apig/ (src/mock/gateway/apigGateway.ts): App authentication signs
 * with key/secret; simple authentication sends the app's code as X-Apig-AppCode. `authHeader` is the app_auth_header
 * of the mock's dedicated gateway for /apig/custom-header/; `stages` are the environments the APIs are published in.
 */
export const MOCK_APIG = {
  app: {
    key: 'a4f0b2c6d8e94f1a8b3c5d7e9f1a2b3c',
    secret: 'MockAppSecret0001xxxxxxxxxxxxxxxxxxxxxxx',
    code: 'MockAppCode0001xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
  },
  authHeader: 'X-Apig-App-Auth',
  stages: ['RELEASE', 'TEST'],
} as const;

/**
 * Agencies another account created for MOCK_ACCOUNT (assume_role at POST /v3.0/OS-CREDENTIAL/securitytokens): the
 * temporary credentials issued for one act for its delegating account.
 */
export const MOCK_AGENCIES = [{ name: 'mock-ops-agency', domainName: 'mock-delegating-account', domainId: '9f8e7d6c5b4a39281706f5e4d3c2b1a0' }] as const;
