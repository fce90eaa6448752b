import { nodeCrypto } from '../../node/nodeCrypto';

/** Keys (AKs, `<domain>/<user>`) each map keeps at most; the oldest go first. A request can name any key. */
export const LOCK_KEYS_KEPT = 1000;
/** A key longer than this is kept as its SHA-256: the AK of an Authorization header can be 64 KB of anything. */
const KEY_CHARS_KEPT = 200;

/**
 * Locks the cloud puts on after repeated failures, on the mock clock: API Gateway locks an AK/SK for 5 minutes after
 * 5 consecutive signature failures (APIG FAQ); IAM locks a user for 15 minutes after repeated failed logins ("The
 * account is locked.", IAM FAQ). One class for both: failures in a row per key, a success clears them. Bounded:
 * LOCK_KEYS_KEPT keys per map (the least recently failed forgotten first), long keys by digest, ended locks dropped.
 */
export class FailureLocks {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly lockMs: number,
  ) {}

  isLocked(key: string, now: number): boolean {
    const k = keptKey(key);
    const until = this.lockedUntil.get(k);
    if (until !== undefined && now >= until) this.lockedUntil.delete(k);
    return until !== undefined && now < until;
  }

  /** One more failure in a row; the limit-th locks the key (and starts the count again). True when it locked. */
  fail(key: string, now: number): boolean {
    const k = keptKey(key);
    const n = (this.failures.get(k) ?? 0) + 1;
    this.failures.delete(k);
    if (n < this.limit) {
      setKept(this.failures, k, n);
      return false;
    }
    this.lockedUntil.delete(k);
    setKept(this.lockedUntil, k, now + this.lockMs);
    return true;
  }

  succeed(key: string): void {
    this.failures.delete(keptKey(key));
  }

  /** How many keys are remembered (GET /__mock/memory). */
  get size(): number {
    return this.failures.size + this.lockedUntil.size;
  }

  reset(): void {
    this.failures.clear();
    this.lockedUntil.clear();
  }
}

/** APIG: 5 consecutive signature failures lock an AK/SK for 5 minutes. */
export const AK_LOCK = { failures: 5, minutes: 5 } as const;
/** IAM (the account security policy's defaults): 5 failed logins in a row lock the user for 15 minutes. */
export const LOGIN_LOCK = { failures: 5, minutes: 15 } as const;

function keptKey(key: string): string {
  return key.length <= KEY_CHARS_KEPT ? key : 'sha256:' + nodeCrypto.sha256Hex(key);
}

/** Sets a key as the newest of a map, dropping the oldest past LOCK_KEYS_KEPT (a Map iterates in insertion order). */
function setKept<V>(map: Map<string, V>, key: string, value: V): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= LOCK_KEYS_KEPT) break;
    map.delete(oldest);
  }
}
