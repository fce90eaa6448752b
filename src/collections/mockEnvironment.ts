import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_APIG, MOCK_PROJECTS } from '../mock/fixtures';
import { buildEnvironmentJson } from './builder';
import type { CollectionDefinition } from './definitions';

/**
 * The filled environment a collection runs with against the mock cloud: the template's variables with the mock's
 * test-only fixture credentials and URL. Built in memory by the harness, never committed.
 */
export function mockEnvironmentValues(mockUrl: string): Record<string, string> {
  const [defaultProject] = MOCK_PROJECTS;
  return {
    baseUrl: mockUrl,
    HUAWEICLOUD_SDK_IAM_ENDPOINT: mockUrl,
    HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak,
    HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk,
    HUAWEICLOUD_SDK_PROJECT_ID: defaultProject.id,
    HUAWEICLOUD_SDK_DOMAIN_ID: MOCK_ACCOUNT.domainId,
    HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
    HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
    HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
    HUAWEICLOUD_PROJECT_NAME: defaultProject.name,
    HUAWEICLOUD_APIG_APP_KEY: MOCK_APIG.app.key,
    HUAWEICLOUD_APIG_APP_SECRET: MOCK_APIG.app.secret,
    HUAWEICLOUD_APIG_APP_CODE: MOCK_APIG.app.code,
  };
}

export function mockEnvironment(
  definition: CollectionDefinition,
  mockUrl: string,
  overrides: Record<string, string> = {},
): Record<string, unknown> {
  const env = buildEnvironmentJson(definition, { ...mockEnvironmentValues(mockUrl), ...overrides });
  const values = env.values as Array<{ key: string }>;
  // Overrides may add variables the template does not have (hwc_token_refresh_margin, hwc_auth_mode, ...).
  for (const [key, value] of Object.entries(overrides)) {
    if (!values.some((v) => v.key === key)) values.push({ key, value, type: 'default', enabled: true } as { key: string });
  }
  return { ...env, name: `${definition.name} (mock cloud)` };
}
