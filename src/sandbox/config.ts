import { isSdkDate, formatSdkDate } from '../core';
import { HwcAuthError } from './errors';
import type { Pm } from './pm';
import type { VariableReader } from './tokenAuth';
import { resolveTemplate } from './resolveTemplate';
import { TOKEN_VARIABLES } from './tokenSettings';

/** The Postman variables this script reads (the official SDKs' names where they exist). */
export const VARIABLE = {
  ak: 'HUAWEICLOUD_SDK_AK',
  sk: 'HUAWEICLOUD_SDK_SK',
  securityToken: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
  domainId: 'HUAWEICLOUD_SDK_DOMAIN_ID',
  username: 'HUAWEICLOUD_USERNAME',
  authMode: 'hwc_auth_mode',
  signingDate: 'hwc_signing_date',
  disableBodyPruning: 'hwc_disable_body_pruning',
  /** true: log the canonical request (security token masked) to compare with a gateway APIGW.0301 message. */
  debug: 'hwc_debug',
} as const;

export type AuthMode = 'aksk' | 'token' | 'none';

/** A `{{name}}` Postman could not resolve: its name, or undefined when the text has none. */
export function unresolvedVariable(text: string): string | undefined {
  const m = /\{\{([^{}]*)\}\}/.exec(text);
  return m ? m[1] : undefined;
}

/** Throws the user-facing error for text that still holds a `{{reference}}` after replaceIn. */
export function assertResolved(text: string, where: string): void {
  const name = unresolvedVariable(text);
  if (name !== undefined) {
    throw new HwcAuthError(
      `define variable ${name}`,
      `${where} uses {{${name}}}, which no variable scope defines; define ${name} (environment, collection or globals)`,
    );
  }
}

/**
 * Variables holding secrets. An unresolved `{{...}}` inside one of them is reported without what stands between the
 * braces: that text is part of the secret's value, and the message goes to the test results and the console. A value
 * that resolves to nothing but one undefined reference (`{{vault_sk}}`) holds no secret text, so the reference is named.
 */
export const SECRET_VARIABLES: readonly string[] = [VARIABLE.sk, VARIABLE.securityToken, TOKEN_VARIABLES.password];

/** Reads a variable from any scope (pm.variables precedence), resolves nested references, trims it. */
export function variableReader(pm: Pm): VariableReader {
  return (name) => {
    const value = pm.variables.get(name);
    if (value === undefined || value === null) return undefined;
    const resolved = resolveTemplate(pm, String(value)).trim();
    const unresolved = unresolvedVariable(resolved);
    if (unresolved !== undefined && SECRET_VARIABLES.includes(name) && resolved !== `{{${unresolved}}}`) {
      throw new HwcAuthError(
        `resolve the {{...}} reference in ${name}`,
        `${name} holds a {{...}} reference that no variable scope defines (its value is not shown: it is a secret)`,
      );
    }
    assertResolved(resolved, `variable ${name}`);
    return resolved === '' ? undefined : resolved;
  };
}

/** hwc_auth_mode, or the mode the configured variables imply when it is unset. */
export function authMode(readVar: VariableReader): AuthMode {
  const mode = readVar(VARIABLE.authMode);
  if (mode !== undefined) {
    const m = mode.toLowerCase();
    if (m === 'aksk' || m === 'token' || m === 'none') return m;
    throw new HwcAuthError(
      `set ${VARIABLE.authMode} to aksk, token or none`,
      `${VARIABLE.authMode} is "${mode}"; use aksk, token or none (or unset it to choose from the credentials set)`,
    );
  }
  const ak = readVar(VARIABLE.ak) !== undefined;
  const sk = readVar(VARIABLE.sk) !== undefined;
  if (ak && sk) return 'aksk';
  if (readVar(VARIABLE.username) !== undefined) return 'token';
  // Only one of AK/SK: AK/SK was meant, and readAkSkSettings names the missing one.
  if (ak || sk) return 'aksk';
  throw new HwcAuthError(
    `set ${VARIABLE.ak} and ${VARIABLE.sk}`,
    `no credentials: set ${VARIABLE.ak} and ${VARIABLE.sk} for AK/SK signing, or ${VARIABLE.username} (and the ` +
      `other token variables) for token auth, or ${VARIABLE.authMode}=none to send requests unauthenticated`,
  );
}

export interface AkSkSettings {
  ak: string;
  sk: string;
  securityToken?: string;
  projectId?: string;
  domainId?: string;
  sdkDate: string;
}

/** The AK/SK credentials and the signing date (hwc_signing_date, for tests, or now). */
export function readAkSkSettings(readVar: VariableReader, nowMs: number): AkSkSettings {
  const ak = readVar(VARIABLE.ak);
  const sk = readVar(VARIABLE.sk);
  const missing = [ak === undefined ? VARIABLE.ak : '', sk === undefined ? VARIABLE.sk : ''].filter(Boolean);
  if (ak === undefined || sk === undefined) {
    throw new HwcAuthError(
      `set ${missing.join(' and ')}`,
      `AK/SK signing needs ${missing.join(' and ')}; set ${missing.length > 1 ? 'them' : 'it'} in the environment ` +
        `(or set ${VARIABLE.authMode} to token or none)`,
    );
  }
  const date = readVar(VARIABLE.signingDate);
  if (date !== undefined && !isSdkDate(date)) {
    throw new HwcAuthError(
      `fix ${VARIABLE.signingDate}`,
      `${VARIABLE.signingDate} must be YYYYMMDDTHHMMSSZ (UTC), got "${date}"; unset it to sign with the current time`,
    );
  }
  const settings: AkSkSettings = { ak, sk, sdkDate: date ?? formatSdkDate(nowMs) };
  const securityToken = readVar(VARIABLE.securityToken);
  const projectId = readVar(VARIABLE.projectId);
  const domainId = readVar(VARIABLE.domainId);
  if (securityToken !== undefined) settings.securityToken = securityToken;
  if (projectId !== undefined) settings.projectId = projectId;
  if (domainId !== undefined) settings.domainId = domainId;
  return settings;
}

/** hwc_disable_body_pruning: the item sets protocolProfileBehavior.disableBodyPruning, which scripts cannot see. */
export function bodyPruningDisabled(readVar: VariableReader): boolean {
  const v = readVar(VARIABLE.disableBodyPruning);
  return v !== undefined && /^(true|1|yes)$/i.test(v);
}
