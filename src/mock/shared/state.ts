import { CredentialStore } from './issuedCredentials';
import { permanentKeys } from './directory';
import { AK_LOCK, FailureLocks, LOGIN_LOCK } from './failureLocks';
import { FaultState } from './faults';
import { StatsRecorder } from './stats';

/** Everything one mock cloud instance remembers, and its clock (the injected one plus the clock-offset fault). */
export class MockState {
  readonly stats = new StatsRecorder();
  readonly faults = new FaultState();
  readonly credentials = new CredentialStore(() => this.now());
  /** The gateway's AK/SK locks, by AK. */
  readonly keyLocks = new FailureLocks(AK_LOCK.failures, AK_LOCK.minutes * 60_000);
  /** IAM's user locks, by `<domain>/<user>`. */
  readonly loginLocks = new FailureLocks(LOGIN_LOCK.failures, LOGIN_LOCK.minutes * 60_000);
  readonly permanentKeys: ReadonlyMap<string, string>;
  private readonly pendingDelays = new Set<NodeJS.Timeout>();
  /** Counts resets: a request that waited across one belongs to a test that is over. */
  private resets = 0;

  constructor(private readonly baseNow: () => number, extraKeys?: Readonly<Record<string, string>>) {
    this.permanentKeys = permanentKeys(extraKeys);
  }

  /** The mock cloud's time, epoch ms. */
  now(): number {
    return this.baseNow() + (this.faults.current.clockOffsetSeconds ?? 0) * 1000;
  }

  /** Secret for an AK: permanent first, then issued temporary keys (expired ones included; the caller checks). */
  secretFor(access: string): string | undefined {
    return this.permanentKeys.get(access) ?? this.credentials.temporaryKey(access)?.secret;
  }

  /** POST /__mock/reset: stats, issued credentials, faults and locks. */
  reset(): void {
    this.resets++;
    this.stats.reset();
    this.faults.reset();
    this.credentials.clear();
    this.keyLocks.reset();
    this.loginLocks.reset();
  }

  /**
   * Waits ms (real time); cancelled by cancelDelays() when the server closes. Resolves false when the mock was reset
   * meanwhile: the caller then answers without touching the new state (a slow-IAM test's late request must not use up
   * the next test's faults).
   */
  delay(ms: number): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(true);
    const resets = this.resets;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pendingDelays.delete(timer);
        resolve(this.resets === resets);
      }, ms);
      this.pendingDelays.add(timer);
    });
  }

  cancelDelays(): void {
    for (const timer of this.pendingDelays) clearTimeout(timer);
    this.pendingDelays.clear();
  }
}
