import { parseHttpDate } from '../clockSkew';
import type { TokenIdentity } from './tokenRequest';

/**
 * What a run remembers about IAM, so that it neither locks a user nor hammers a throttled IAM (pure):
 * - refused logins: IAM answered 401/403 for a user's password; the run does not ask again for that user (IAM locks a
 *   user after repeated failed logins: 1 failed login per user per run, not 1 per request);
 * - back-off: IAM answered 429 or 5xx; the next token request to that endpoint waits (Retry-After when IAM sent one,
 *   else doubling from 1 s), bounded.
 */
export interface IamMemory {
  /** IAM's answer (status and message, never the password) by loginKey. */
  refused: Record<string, string>;
  /** By endpointKey: no token request before `until` (epoch ms); `failures` in a row so far, the last `status`. */
  backoff: Record<string, { until: number; failures: number; status: number }>;
}

export const IAM_BACKOFF = {
  /** First wait without Retry-After; doubles with each failure in a row... */
  firstMs: 1000,
  /** ...up to this. */
  maxMs: 30_000,
  /** Retry-After is honoured up to this. */
  retryAfterMaxMs: 60_000,
  /** A request waits for the back-off to end at most this long (and never beyond hwc_iam_timeout_ms); else it fails. */
  maxWaitMs: 10_000,
} as const;

/** Who logs in: the password belongs to the user, whatever the scope. Nothing secret. */
export function loginKey(identity: TokenIdentity): string {
  return JSON.stringify([endpointKey(identity.iamEndpoint), identity.domainName, identity.username]);
}

export function endpointKey(iamEndpoint: string): string {
  return iamEndpoint.replace(/\/+$/, '').toLowerCase();
}

export function parseIamMemory(stored: unknown): IamMemory {
  const memory: IamMemory = { refused: {}, backoff: {} };
  if (typeof stored !== 'string' || stored === '') return memory;
  try {
    const parsed = JSON.parse(stored) as Partial<IamMemory> | null;
    for (const [k, v] of Object.entries(parsed?.refused ?? {})) if (typeof v === 'string') memory.refused[k] = v;
    for (const [k, v] of Object.entries(parsed?.backoff ?? {})) {
      if (v && typeof v.until === 'number' && typeof v.failures === 'number' && typeof v.status === 'number') {
        memory.backoff[k] = { until: v.until, failures: v.failures, status: v.status };
      }
    }
  } catch {
    // unreadable: nothing remembered
  }
  return memory;
}

export function rememberRefusal(memory: IamMemory, key: string, said: string): IamMemory {
  return { ...memory, refused: { ...memory.refused, [key]: said } };
}

/**
 * The memory after IAM answered `status` (429 or 5xx) at `nowMs`: Retry-After (ms, already parsed) when given,
 * bounded to [0, retryAfterMaxMs]; else firstMs doubled for each earlier failure in a row, up to maxMs.
 */
export function backOff(memory: IamMemory, endpoint: string, nowMs: number, status: number, retryAfterMs?: number): IamMemory {
  const failures = (memory.backoff[endpoint]?.failures ?? 0) + 1;
  const delay =
    retryAfterMs !== undefined
      ? Math.min(Math.max(retryAfterMs, 0), IAM_BACKOFF.retryAfterMaxMs)
      : Math.min(IAM_BACKOFF.firstMs * Math.pow(2, failures - 1), IAM_BACKOFF.maxMs);
  return { ...memory, backoff: { ...memory.backoff, [endpoint]: { until: nowMs + delay, failures, status } } };
}

/** How long a token request to `endpoint` must still wait at `nowMs` (0: go). */
export function backoffWait(memory: IamMemory, endpoint: string, nowMs: number): number {
  const entry = memory.backoff[endpoint];
  return entry ? Math.max(entry.until - nowMs, 0) : 0;
}

/** IAM answered: the back-off of `endpoint` is over. */
export function clearBackoff(memory: IamMemory, endpoint: string): IamMemory {
  if (!(endpoint in memory.backoff)) return memory;
  const backoff = { ...memory.backoff };
  delete backoff[endpoint];
  return { ...memory, backoff };
}

/** A Retry-After header (delay-seconds or an HTTP date) as ms from `nowMs`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = parseHttpDate(text);
  return at === null ? undefined : Math.max(at - nowMs, 0);
}
