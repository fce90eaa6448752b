import type { SigningCredentials } from '../core';
import { UsageError } from './exitCodes';

/** Postman variables the pre-request script reads whose values come from the process environment of a CI job. */
export const CREDENTIAL_VARIABLES = [
  'HUAWEICLOUD_SDK_AK',
  'HUAWEICLOUD_SDK_SK',
  'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  'HUAWEICLOUD_SDK_PROJECT_ID',
  'HUAWEICLOUD_SDK_DOMAIN_ID',
  'HUAWEICLOUD_SDK_IAM_ENDPOINT',
  'HUAWEICLOUD_USERNAME',
  'HUAWEICLOUD_PASSWORD',
  'HUAWEICLOUD_DOMAIN_NAME',
  'HUAWEICLOUD_PROJECT_NAME',
] as const;

/** The script's own settings; read from the environment under this name or its upper-case form (HWC_AUTH_MODE). */
export const SETTING_VARIABLES = [
  'hwc_auth_mode',
  'hwc_token_scope',
  'hwc_signing_date',
  'hwc_token_refresh_margin',
  'hwc_iam_timeout_ms',
  'hwc_disable_body_pruning',
] as const;

/** Process environment values that are secrets whatever else happens: they are masked from the first byte. */
export const SECRET_ENV = ['HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_PASSWORD'] as const;

export interface VariableValue {
  key: string;
  value: string;
}

/** The Postman variables to set for a run, from the process environment; unset and empty ones are left out. */
export function variablesFromEnv(env: NodeJS.ProcessEnv): VariableValue[] {
  const out: VariableValue[] = [];
  for (const key of CREDENTIAL_VARIABLES) {
    const value = env[key];
    if (value) out.push({ key, value });
  }
  for (const key of SETTING_VARIABLES) {
    const value = env[key] ?? env[key.toUpperCase()];
    if (value) out.push({ key, value });
  }
  return out;
}

/** AK/SK and the credential headers' values for `hwc-auth sign`, from the process environment. */
export function signingCredentialsFromEnv(env: NodeJS.ProcessEnv): SigningCredentials {
  const ak = env.HUAWEICLOUD_SDK_AK;
  const sk = env.HUAWEICLOUD_SDK_SK;
  if (!ak || !sk) {
    throw new UsageError('set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK in the environment to sign');
  }
  const credentials: SigningCredentials = { ak, sk };
  if (env.HUAWEICLOUD_SDK_SECURITY_TOKEN) credentials.securityToken = env.HUAWEICLOUD_SDK_SECURITY_TOKEN;
  if (env.HUAWEICLOUD_SDK_PROJECT_ID) credentials.projectId = env.HUAWEICLOUD_SDK_PROJECT_ID;
  if (env.HUAWEICLOUD_SDK_DOMAIN_ID) credentials.domainId = env.HUAWEICLOUD_SDK_DOMAIN_ID;
  return credentials;
}
