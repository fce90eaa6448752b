import { isObject } from './exchange';

/** Faults a test can switch on through POST /__mock/faults. All off by default. */
export interface MockFaults {
  /** POST /v3/auth/tokens answers this status (Keystone-style error body) instead of issuing a token. */
  iamStatus?: number;
  /** How many IAM token requests fail with iamStatus; unset is unlimited. The fault clears itself when used up. */
  iamFailCount?: number;
  /** A Retry-After header (seconds) on the answers iamStatus forces (e.g. with 429). */
  iamRetryAfterSeconds?: number;
  /** POST /v3/auth/tokens answers this many ms late (failed or not). */
  iamDelayMs?: number;
  /** Lifetime of tokens issued from now on, instead of 24 h. */
  tokenTtlSeconds?: number;
  /** Added to the mock's clock (X-Sdk-Date window, token issue and expiry, the Date header of every answer). */
  clockOffsetSeconds?: number;
}

/** What POST /__mock/faults takes: the faults to change; null switches one off. */
export type MockFaultsPatch = { [K in keyof MockFaults]?: MockFaults[K] | null };

type FaultKey = keyof MockFaults;

const RULES: Record<FaultKey, { min: number; max: number; integer: boolean }> = {
  iamStatus: { min: 100, max: 599, integer: true },
  iamFailCount: { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true },
  iamRetryAfterSeconds: { min: 0, max: 86400, integer: true },
  iamDelayMs: { min: 0, max: 10 * 60 * 1000, integer: false },
  tokenTtlSeconds: { min: 1, max: 10 * 365 * 86400, integer: false },
  clockOffsetSeconds: { min: -100 * 365 * 86400, max: 100 * 365 * 86400, integer: false },
};

/** The fault names POST /__mock/faults accepts: this fixed list and nothing else (no `constructor`, no `__proto__`). */
export const FAULT_NAMES: readonly FaultKey[] = Object.keys(RULES) as FaultKey[];

function isFaultKey(key: string): key is FaultKey {
  return (FAULT_NAMES as readonly string[]).indexOf(key) >= 0;
}

/**
 * Validates a faults patch: known keys only, numbers in range, or null to switch that fault off.
 * Returns the patch or an error message (which names an unknown key only when it is short).
 */
export function parseFaultsPatch(body: unknown): { patch: Partial<Record<FaultKey, number | null>> } | { error: string } {
  if (!isObject(body)) return { error: 'faults must be a JSON object' };
  const patch: Partial<Record<FaultKey, number | null>> = {};
  for (const [key, value] of Object.entries(body)) {
    if (!isFaultKey(key)) {
      const shown = key.length <= 40 ? JSON.stringify(key) : `of ${key.length} characters`;
      return { error: `unknown fault ${shown}; known: ${FAULT_NAMES.join(', ')}` };
    }
    const rule = RULES[key];
    if (value === null) {
      patch[key] = null;
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < rule.min || value > rule.max || (rule.integer && !Number.isInteger(value))) {
      return { error: `fault ${key} must be ${rule.integer ? 'an integer' : 'a number'} from ${rule.min} to ${rule.max}, or null` };
    }
    patch[key] = value;
  }
  return { patch };
}

/** The switched-on faults, merged patch by patch. */
export class FaultState {
  private faults: MockFaults = {};

  get current(): Readonly<MockFaults> {
    return { ...this.faults };
  }

  merge(patch: Partial<Record<FaultKey, number | null>>): MockFaults {
    for (const [key, value] of Object.entries(patch) as Array<[FaultKey, number | null]>) {
      if (value === null) delete this.faults[key];
      else this.faults[key] = value;
    }
    return this.current;
  }

  reset(): void {
    this.faults = {};
  }

  /** The status an IAM token request must fail with now, if any; uses up one of iamFailCount. */
  takeIamFailure(): number | undefined {
    const status = this.faults.iamStatus;
    if (status === undefined) return undefined;
    const left = this.faults.iamFailCount;
    if (left === undefined) return status;
    if (left <= 0) {
      delete this.faults.iamStatus;
      delete this.faults.iamFailCount;
      return undefined;
    }
    if (left === 1) {
      delete this.faults.iamStatus;
      delete this.faults.iamFailCount;
    } else this.faults.iamFailCount = left - 1;
    return status;
  }
}
