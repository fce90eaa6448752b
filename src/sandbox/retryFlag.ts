import { VARIABLES as V } from '../core/variables';
import type { Pm } from './pm';
import { requestKey } from './authHandoff';

/**
 * The post-response script asks for a request to be sent again (its token was revoked) with this local variable,
 * set while that request's test scripts still run (item tests can skip the attempt) and taken by the next pre-request
 * script: that attempt is the retry, and is never retried itself.
 */
const VARIABLE = V.authRetry.name;

/** Post-response: this request will be sent again. */
export function markRetry(pm: Pm): void {
  pm.variables.set(VARIABLE, requestKey(pm));
}

/** Pre-request: true when this request is the retry asked for; the flag is cleared either way. */
export function takeRetry(pm: Pm): boolean {
  const flag = pm.variables.get(VARIABLE);
  if (flag === undefined || flag === null) return false;
  pm.variables.unset(VARIABLE);
  return flag === requestKey(pm);
}
