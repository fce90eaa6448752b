import { isSdkDate, formatSdkDate, SECRET_VARIABLE_NAMES, VARIABLES } from '../core';
import { HwcAuthError } from './errors';
import type { Pm } from './pm';
import type { VariableReader } from './tokenAuth';
import { resolveTemplate } from './resolveTemplate';

/** The registry of variables (names, modes, secrets, defaults). */
const V = VARIABLES;

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
export const SECRET_VARIABLES: readonly string[] = SECRET_VARIABLE_NAMES;

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
  const mode = readVar(V.authMode.name);
  if (mode !== undefined) {
    const m = mode.toLowerCase();
    if (m === 'aksk' || m === 'token' || m === 'none') return m;
    throw new HwcAuthError(
      `set ${V.authMode.name} to aksk, token or none`,
      `${V.authMode.name} is "${mode}"; use aksk, token or none (or unset it to choose from the credentials set)`,
    );
  }
  const ak = readVar(V.ak.name) !== undefined;
  const sk = readVar(V.sk.name) !== undefined;
  if (ak && sk) return 'aksk';
  if (readVar(V.username.name) !== undefined) return 'token';
  // Only one of AK/SK: AK/SK was meant, and readAkSkSettings names the missing one.
  if (ak || sk) return 'aksk';
  throw new HwcAuthError(
    `set ${V.ak.name} and ${V.sk.name}`,
    `no credentials: set ${V.ak.name} and ${V.sk.name} for AK/SK signing, or ${V.username.name} (and the ` +
      `other token variables) for token auth, or ${V.authMode.name}=none to send requests unauthenticated`,
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
  const ak = readVar(V.ak.name);
  const sk = readVar(V.sk.name);
  const missing = [ak === undefined ? V.ak.name : '', sk === undefined ? V.sk.name : ''].filter(Boolean);
  if (ak === undefined || sk === undefined) {
    throw new HwcAuthError(
      `set ${missing.join(' and ')}`,
      `AK/SK signing needs ${missing.join(' and ')}; set ${missing.length > 1 ? 'them' : 'it'} in the environment ` +
        `(or set ${V.authMode.name} to token or none)`,
    );
  }
  const date = readVar(V.signingDate.name);
  if (date !== undefined && !isSdkDate(date)) {
    throw new HwcAuthError(
      `fix ${V.signingDate.name}`,
      `${V.signingDate.name} must be YYYYMMDDTHHMMSSZ (UTC), got "${date}"; unset it to sign with the current time`,
    );
  }
  const settings: AkSkSettings = { ak, sk, sdkDate: date ?? formatSdkDate(nowMs) };
  const securityToken = readVar(V.securityToken.name);
  const projectId = readVar(V.projectId.name);
  const domainId = readVar(V.domainId.name);
  if (securityToken !== undefined) settings.securityToken = securityToken;
  if (projectId !== undefined) settings.projectId = projectId;
  if (domainId !== undefined) settings.domainId = domainId;
  return settings;
}

/** hwc_disable_body_pruning: the item sets protocolProfileBehavior.disableBodyPruning, which scripts cannot see. */
export function bodyPruningDisabled(readVar: VariableReader): boolean {
  const v = readVar(V.disableBodyPruning.name);
  return v !== undefined && /^(true|1|yes)$/i.test(v);
}
