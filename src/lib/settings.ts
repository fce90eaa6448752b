import { VARIABLE_LIST, type SigningCredentials, type VariableSpec } from '../core';
import { UsageError } from './exitCodes';

/** The process environment keys a variable is read from: SDK names as they are, settings also as HWC_* (state: none). */
export function envKeys(variable: VariableSpec): string[] {
  if (variable.kind === 'sdk') return [variable.name];
  if (variable.kind === 'setting') return [variable.name, variable.name.toUpperCase()];
  return [];
}

/** Postman variables the pre-request script reads whose values come from the process environment of a CI job. */
export const CREDENTIAL_VARIABLES: readonly string[] = VARIABLE_LIST.filter((v) => v.kind === 'sdk').map((v) => v.name);

/** The script's own settings; read from the environment under this name or its upper-case form (HWC_AUTH_MODE). */
export const SETTING_VARIABLES: readonly string[] = VARIABLE_LIST.filter((v) => v.kind === 'setting').map((v) => v.name);

/** Process environment values that are secrets whatever else happens: they are masked from the first byte. */
export const SECRET_ENV: readonly string[] = VARIABLE_LIST.filter((v) => v.secret).flatMap(envKeys);

export interface VariableValue {
  key: string;
  value: string;
}

/** The Postman variables to set for a run, from the process environment; unset and empty ones are left out. */
export function variablesFromEnv(env: NodeJS.ProcessEnv): VariableValue[] {
  const out: VariableValue[] = [];
  for (const variable of VARIABLE_LIST) {
    const value = envKeys(variable)
      .map((k) => env[k])
      .find((v) => v !== undefined);
    if (value) out.push({ key: variable.name, value });
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
