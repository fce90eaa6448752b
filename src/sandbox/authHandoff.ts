import { VARIABLES as V } from '../core/variables';
import type { Pm } from './pm';

/**
 * What the pre-request script leaves for the post-response script of the same request: how the request was
 * authenticated. Never a secret: the AK (not the SK: a fingerprint of it), the token identity (not the token), the
 * date used, and the canonical request signed with credential headers masked. It lives in the local scope
 * (pm.variables), which the runtime never exports, and names the request it is for, so that no other request's
 * response reads it.
 */
export interface RequestAuth {
  /** requestKey() of the request it describes. */
  for: string;
  mode: 'aksk' | 'token';
  /** The gateway's host (and port). */
  host: string;
  /** This attempt is the response side's retry of the request (a revoked token). */
  retried?: boolean;
  /** AK/SK: the AK, the SK's fingerprint, the canonical request (secrets masked), X-Sdk-Date and its clock correction. */
  ak?: string;
  skFingerprint?: string;
  canonicalRequest?: string;
  sdkDate?: string;
  clockCorrectionMs?: number;
  /** X-Sdk-Date came from hwc_signing_date, not from the clock. */
  fixedDate?: boolean;
  /** Token mode: the identity's cache key. */
  identityKey?: string;
}

const VARIABLE = V.requestAuth.name;

/** Which request of the run this is: the item (pm.info.requestId) in its iteration. */
export function requestKey(pm: Pm): string {
  return `${String(pm.info.iteration)}:${String(pm.info.requestId)}`;
}

export function leaveRequestAuth(pm: Pm, auth: Omit<RequestAuth, 'for'>): void {
  pm.variables.set(VARIABLE, JSON.stringify({ for: requestKey(pm), ...auth }));
}

/** For a request the script leaves alone (hwc_auth_mode=none): nothing of an earlier request may be read as its own. */
export function forgetRequestAuth(pm: Pm): void {
  if (pm.variables.has(VARIABLE)) pm.variables.unset(VARIABLE);
}

/** The hand-off of this request, or undefined (not authenticated by the pre-request script, or another request's). */
export function requestAuthFor(pm: Pm): RequestAuth | undefined {
  const stored = pm.variables.get(VARIABLE);
  if (typeof stored !== 'string') return undefined;
  try {
    const auth = JSON.parse(stored) as RequestAuth | null;
    return auth && auth.for === requestKey(pm) && (auth.mode === 'aksk' || auth.mode === 'token') ? auth : undefined;
  } catch {
    return undefined;
  }
}
