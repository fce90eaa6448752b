import { VARIABLES as V } from '../core/variables';
import { akskMode } from './akskMode';
import { appCodeMode } from './appCodeMode';
import { appMode } from './appMode';
import type { AuthHandler } from './authHandler';
import type { VariableReader } from './config';
import { hwcAuthError } from './errors';
import { temporaryMode } from './temporaryMode';
import { tokenMode } from './tokenMode';

/** The auth modes by their hwc_auth_mode value. A new mode is one handler file plus one line here. */
export const AUTH_HANDLERS = {
  aksk: akskMode,
  token: tokenMode,
  temporary: temporaryMode,
  app: appMode,
  appcode: appCodeMode,
} as const;

/** 'none' leaves the request alone. */
export type AuthMode = keyof typeof AUTH_HANDLERS | 'none';

const MODE_NAMES = [...Object.keys(AUTH_HANDLERS), 'none'];
const MODE_LIST = MODE_NAMES.slice(0, -1).join(', ') + ' or ' + MODE_NAMES[MODE_NAMES.length - 1];

function isAuthMode(m: string): m is AuthMode {
  return MODE_NAMES.indexOf(m) >= 0;
}

/** The handler of a mode, with its settings type hidden: main.ts runs every mode the same way. */
export function authHandler(mode: Exclude<AuthMode, 'none'>): AuthHandler<unknown> {
  return AUTH_HANDLERS[mode];
}

/** hwc_auth_mode, or the mode the configured variables imply when it is unset. */
export function authMode(readVar: VariableReader): AuthMode {
  const mode = readVar(V.authMode.name);
  if (mode !== undefined) {
    const m = mode.toLowerCase();
    if (isAuthMode(m)) return m;
    throw hwcAuthError(
      `set ${V.authMode.name} to ${MODE_LIST}`,
      `${V.authMode.name} is "${mode}"; use ${MODE_LIST} (or unset it to choose from the credentials set)`,
    );
  }
  const ak = readVar(V.ak.name) !== undefined;
  const sk = readVar(V.sk.name) !== undefined;
  if (ak && sk) return 'aksk';
  if (readVar(V.username.name) !== undefined) return 'token';
  if (readVar(V.appKey.name) !== undefined && readVar(V.appSecret.name) !== undefined) return 'app';
  if (readVar(V.appCode.name) !== undefined) return 'appcode';
  // Only one of AK/SK: AK/SK was meant, and readAkSkSettings names the missing one.
  if (ak || sk) return 'aksk';
  throw hwcAuthError(
    `set ${V.ak.name} and ${V.sk.name}`,
    `no credentials: set ${V.ak.name} and ${V.sk.name} for AK/SK signing, or ${V.username.name} (and the ` +
      `other token variables) for token auth, or ${V.authMode.name}=none to send requests unauthenticated`,
  );
}
