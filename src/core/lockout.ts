/**
 * The lockout guard's memory: consecutive signature failures of each AK in a run. API Gateway locks an AK/SK for
 * 5 minutes after 5 consecutive signature failures (APIG FAQ); the script stops sending with an AK before that.
 * Keyed by AK, each entry remembers a fingerprint of the SK it failed with, so a fixed SK starts afresh. Pure.
 */

/** What the gateway does: this many failures in a row lock a key... */
export const GATEWAY_LOCKOUT_FAILURES = 5;
/** ...for this long. */
export const GATEWAY_LOCKOUT_MINUTES = 5;
/** hwc_lockout_after's default: stop below the gateway's limit. */
export const DEFAULT_LOCKOUT_AFTER = 3;

export interface SignatureFailure {
  /** Fingerprint of the SK the failures happened with (never the SK). */
  fingerprint: string;
  /** Consecutive signature failures. */
  count: number;
  /** The gateway said it locked the key. */
  lockedByGateway?: boolean;
}

export type SignatureFailures = Record<string, SignatureFailure>;

export function parseSignatureFailures(stored: unknown): SignatureFailures {
  if (typeof stored !== 'string' || stored === '') return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: SignatureFailures = {};
    for (const [ak, entry] of Object.entries(parsed as Record<string, unknown>)) {
      const e = entry as Partial<SignatureFailure> | null;
      if (e && typeof e.fingerprint === 'string' && typeof e.count === 'number' && e.count > 0) {
        out[ak] = { fingerprint: e.fingerprint, count: e.count, ...(e.lockedByGateway === true && { lockedByGateway: true }) };
      }
    }
    return out;
  } catch {
    return {};
  }
}

/** One more failure of `ak` with the SK of `fingerprint` (a different SK starts the count again). */
export function recordSignatureFailure(failures: SignatureFailures, ak: string, fingerprint: string, lockedByGateway = false): SignatureFailures {
  const previous = failures[ak];
  const count = previous && previous.fingerprint === fingerprint ? previous.count + 1 : 1;
  const entry: SignatureFailure = { fingerprint, count };
  if (lockedByGateway || (previous?.fingerprint === fingerprint && previous.lockedByGateway)) entry.lockedByGateway = true;
  return { ...failures, [ak]: entry };
}

/** The gateway accepted a signature of `ak`: its failures are no longer consecutive. */
export function clearSignatureFailures(failures: SignatureFailures, ak: string): SignatureFailures {
  if (!(ak in failures)) return failures;
  const next: SignatureFailures = { ...failures };
  delete next[ak];
  return next;
}

/**
 * The entry that stops further requests of `ak` signed with this SK: the gateway locked it, or it failed
 * `lockoutAfter` times in a row (0 turns the guard off). Undefined: go ahead.
 */
export function lockoutOf(failures: SignatureFailures, ak: string, fingerprint: string, lockoutAfter: number): SignatureFailure | undefined {
  const entry = failures[ak];
  if (!entry || entry.fingerprint !== fingerprint) return undefined;
  if (entry.lockedByGateway) return entry;
  return lockoutAfter > 0 && entry.count >= lockoutAfter ? entry : undefined;
}
