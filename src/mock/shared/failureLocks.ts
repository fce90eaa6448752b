/**
 * Locks the cloud puts on after repeated failures, on the mock clock: API Gateway locks an AK/SK for 5 minutes after
 * 5 consecutive signature failures (APIG FAQ); IAM locks a user for 15 minutes after repeated failed logins ("The
 * account is locked.", IAM FAQ). One class for both: failures in a row per key, a success clears them.
 */
export class FailureLocks {
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly lockMs: number,
  ) {}

  isLocked(key: string, now: number): boolean {
    const until = this.lockedUntil.get(key);
    return until !== undefined && now < until;
  }

  /** One more failure in a row; the limit-th locks the key (and starts the count again). True when it locked. */
  fail(key: string, now: number): boolean {
    const n = (this.failures.get(key) ?? 0) + 1;
    if (n < this.limit) {
      this.failures.set(key, n);
      return false;
    }
    this.failures.delete(key);
    this.lockedUntil.set(key, now + this.lockMs);
    return true;
  }

  succeed(key: string): void {
    this.failures.delete(key);
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
