import { isSecretName } from '../../src/lib/mask/redact';
import { SECRET_ENV, variablesFromEnv } from '../../src/lib/settings';

/** The CLI's bridge from the process environment to the script's Postman variables (names from src/core/variables.ts). */
describe('variablesFromEnv', () => {
  it('takes credentials under their SDK name, settings under their name or HWC_* twin, never the token cache', () => {
    const vars = variablesFromEnv({
      HUAWEICLOUD_SDK_AK: 'AK1',
      HUAWEICLOUD_PASSWORD: 'pw-secret',
      huaweicloud_sdk_sk: 'lower-case credential names are not read',
      hwc_auth_mode: 'token',
      HWC_DEBUG: 'true',
      HWC_IAM_TIMEOUT_MS: '500',
      hwc_token_cache: '{"k":{"token":"t","expiresAt":1}}',
      HWC_TOKEN_CACHE: '{"k":{"token":"t","expiresAt":1}}',
      HWC_SIGNING_DATE: '',
      PATH: '/usr/bin',
    });
    expect(vars).toEqual([
      { key: 'HUAWEICLOUD_SDK_AK', value: 'AK1' },
      { key: 'HUAWEICLOUD_PASSWORD', value: 'pw-secret' },
      { key: 'hwc_auth_mode', value: 'token' },
      { key: 'hwc_iam_timeout_ms', value: '500' },
      { key: 'hwc_debug', value: 'true' },
    ]);
  });

  it('prefers the exact name over the HWC_* twin', () => {
    expect(variablesFromEnv({ hwc_token_scope: 'domain', HWC_TOKEN_SCOPE: 'project' })).toEqual([{ key: 'hwc_token_scope', value: 'domain' }]);
  });

  it('masks the secret credentials from the first byte, and the masker knows every registered secret name', () => {
    expect([...SECRET_ENV].sort()).toEqual([
      'HUAWEICLOUD_APIG_APP_CODE',
      'HUAWEICLOUD_APIG_APP_SECRET',
      'HUAWEICLOUD_PASSWORD',
      'HUAWEICLOUD_SDK_SECURITY_TOKEN',
      'HUAWEICLOUD_SDK_SK',
    ]);
    for (const name of ['HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_PASSWORD', 'hwc_token_cache', 'HUAWEICLOUD_APIG_APP_SECRET', 'HUAWEICLOUD_APIG_APP_CODE']) {
      expect(isSecretName(name)).toBe(true);
    }
  });
});
