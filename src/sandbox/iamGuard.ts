import {
  backOff,
  backoffWait,
  clearBackoff,
  endpointKey,
  IAM_BACKOFF,
  loginKey,
  parseIamMemory,
  parseRetryAfter,
  rememberRefusal,
  tokenUrl,
  type IamMemory,
  type TokenIdentity,
} from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import { type HwcAuthError, hwcAuthError } from './errors';
import type { Pm } from './pm';

/**
 * Token mode's manners towards IAM, remembered for the run in hwc_iam_failures (local: never exported):
 * - a user whose password IAM refused (401/403) is not asked for again: IAM locks users after repeated failed logins;
 * - after 429 or 5xx the next token request waits (Retry-After, else doubling from 1 s), at most IAM_BACKOFF.maxWaitMs
 *   and never beyond hwc_iam_timeout_ms; a longer wait fails the request without calling IAM.
 */
const VARIABLE = V.iamFailures.name;

export function readIamMemory(pm: Pm): IamMemory {
  return parseIamMemory(pm.variables.get(VARIABLE));
}

/** Throws when IAM refused this user earlier in the run; otherwise waits out a back-off (or throws when too long). */
export async function beforeIamCall(pm: Pm, identity: TokenIdentity, timeoutMs: number): Promise<void> {
  if (!pm.variables.has(VARIABLE)) return;
  const memory = readIamMemory(pm);
  const refused = memory.refused[loginKey(identity)];
  if (refused !== undefined) throw refusedEarlier(identity, refused);
  const endpoint = endpointKey(identity.iamEndpoint);
  const wait = backoffWait(memory, endpoint, Date.now());
  if (wait <= 0) return;
  const status = memory.backoff[endpoint]?.status ?? 0;
  if (wait > Math.min(IAM_BACKOFF.maxWaitMs, timeoutMs)) {
    throw hwcAuthError(
      `${status === 429 ? 'IAM throttled the token request' : 'IAM failed'} (HTTP ${status}): try again later`,
      `IAM answered ${status} to an earlier token request of this run and asked to wait ${Math.ceil(wait / 1000)} s more ` +
        `(POST ${tokenUrl(identity.iamEndpoint)}); not called again before then; try again later`,
    );
  }
  await new Promise<void>((resolve) => setTimeout(resolve, wait));
}

/** Remembers what IAM's answer means for the rest of the run; `said` is IAM's status and message (no secret). */
export function afterIamAnswer(pm: Pm, identity: TokenIdentity, status: number, retryAfter: string | undefined, said: string): void {
  const before = pm.variables.has(VARIABLE) ? readIamMemory(pm) : undefined;
  const memory = before ?? parseIamMemory(undefined);
  const endpoint = endpointKey(identity.iamEndpoint);
  let next = memory;
  if (status === 401 || status === 403) next = rememberRefusal(memory, loginKey(identity), said);
  else if (status === 429 || (status >= 500 && status < 600)) {
    const now = Date.now();
    next = backOff(memory, endpoint, now, status, parseRetryAfter(retryAfter, now));
  } else next = clearBackoff(memory, endpoint);
  if (next !== memory) pm.variables.set(VARIABLE, JSON.stringify(next));
}

function refusedEarlier(identity: TokenIdentity, said: string): HwcAuthError {
  const earlier = `IAM answered ${said} to this user's login earlier in this run (POST ${tokenUrl(identity.iamEndpoint)})`;
  const check = `check ${V.username.name}, ${V.password.name} and ${V.domainName.name} (the account name), then run again`;
  return hwcAuthError(
    `IAM refused the credentials for user ${identity.username} in domain ${identity.domainName}`,
    `${earlier}; it is not asked again in this run, so that IAM does not lock the user: ${check}`,
  );
}
