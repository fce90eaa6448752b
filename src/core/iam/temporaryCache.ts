import type { TemporaryCredential } from './securityTokenResponse';

/** Temporary credentials by identity key, as stored in one Postman variable (JSON). */
export type TemporaryCache = Record<string, TemporaryCredential>;

/**
 * Credentials are replaced when less than this is left (5 minutes: every request signed with them reaches the gateway
 * well before they expire, and even 15-minute credentials serve 10 minutes).
 */
export const TEMPORARY_REFRESH_MARGIN_SECONDS = 300;

/** Reads the stored cache; anything unreadable counts as empty (the next request asks IAM again). */
export function parseTemporaryCache(stored: unknown): TemporaryCache {
  if (typeof stored !== 'string' || stored === '') return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const cache: TemporaryCache = {};
    for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
      const e = entry as Partial<TemporaryCredential> | null;
      if (e && typeof e.access === 'string' && typeof e.secret === 'string' && typeof e.securityToken === 'string' && typeof e.expiresAt === 'number') {
        cache[key] = { access: e.access, secret: e.secret, securityToken: e.securityToken, expiresAt: e.expiresAt };
      }
    }
    return cache;
  } catch {
    return {};
  }
}

/** Cached credentials, while more than the refresh margin of their life is left. */
export function usableTemporary(cache: TemporaryCache, key: string, nowMs: number): TemporaryCredential | undefined {
  const entry = cache[key];
  return entry && entry.expiresAt - nowMs > TEMPORARY_REFRESH_MARGIN_SECONDS * 1000 ? entry : undefined;
}

/** The cache with `credential` stored for `key` and every expired entry dropped. */
export function storeTemporary(cache: TemporaryCache, key: string, credential: TemporaryCredential, nowMs: number): TemporaryCache {
  const next: TemporaryCache = {};
  for (const [k, v] of Object.entries(cache)) if (v.expiresAt > nowMs) next[k] = v;
  next[key] = credential;
  return next;
}
