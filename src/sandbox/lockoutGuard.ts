import type { HashFunctions } from '../core/crypto';
import { clearSignatureFailures, GATEWAY_LOCKOUT_FAILURES, GATEWAY_LOCKOUT_MINUTES, lockoutOf, parseSignatureFailures, recordSignatureFailure, type SignatureFailure } from '../core/lockout';
import { VARIABLES as V } from '../core/variables';
import { type HwcAuthError, hwcAuthError } from './errors';
import type { Pm } from './pm';

/**
 * The lockout guard: the post-response script counts signature failures per AK (hwc_signature_failures, local: it
 * lasts for the run and is never exported); the pre-request script stops an AK that reached hwc_lockout_after
 * before the gateway locks it (5 failures: 5 minutes).
 */
const VARIABLE = V.signatureFailures.name;

/** A fingerprint of the SK, to tell a fixed SK from the failing one: 16 hex digits of a SHA-256, never the SK. */
export function skFingerprint(sk: string, crypto: HashFunctions): string {
  return crypto.sha256Hex('hwc-auth lockout guard\n' + sk).slice(0, 16);
}

/** Pre-request: fails closed when this AK, with this SK, failed too often in a row in this run. */
export function assertNotLockedOut(pm: Pm, ak: string, fingerprint: string, lockoutAfter: number): void {
  const stored = pm.variables.get(VARIABLE);
  if (stored === undefined || stored === null) return;
  const entry = lockoutOf(parseSignatureFailures(stored), ak, fingerprint, lockoutAfter);
  if (entry) throw lockedOut(ak, entry);
}

function lockedOut(ak: string, entry: SignatureFailure): HwcAuthError {
  const what = entry.lockedByGateway ? `the gateway locked AK ${ak}` : `AK ${ak} failed the signature check ${entry.count} times in a row`;
  const gatewayRule = `the gateway locks a key for ${GATEWAY_LOCKOUT_MINUTES} minutes after ${GATEWAY_LOCKOUT_FAILURES} signature failures in a row`;
  const fix = `fix ${V.sk.name} (the failing tests before this one name the cause), or raise ${V.lockoutAfter.name}`;
  return hwcAuthError(`not sent: ${what}: fix ${V.sk.name}`, `${what} (${gatewayRule}); requests with it are not sent for the rest of the run: ${fix}`);
}

/** Post-response: one more signature failure of `ak` (lockedByGateway: the gateway said the key is locked). */
export function noteSignatureFailure(pm: Pm, ak: string, fingerprint: string, lockedByGateway: boolean): number {
  const next = recordSignatureFailure(parseSignatureFailures(pm.variables.get(VARIABLE)), ak, fingerprint, lockedByGateway);
  pm.variables.set(VARIABLE, JSON.stringify(next));
  return next[ak]!.count;
}

/** Post-response: the gateway accepted a signature of `ak`; its failures are no longer in a row. */
export function noteSignatureAccepted(pm: Pm, ak: string): void {
  const stored = pm.variables.get(VARIABLE);
  if (stored === undefined || stored === null) return;
  const failures = parseSignatureFailures(stored);
  const next = clearSignatureFailures(failures, ak);
  if (next === failures) return;
  if (Object.keys(next).length === 0) pm.variables.unset(VARIABLE);
  else pm.variables.set(VARIABLE, JSON.stringify(next));
}

/** Whether the post-response script has anything to clear after a successful answer (cheap: one lookup). */
export function hasSignatureFailures(pm: Pm): boolean {
  return pm.variables.has(VARIABLE);
}
