import type { IssuedToken } from './tokenResponse';

/** Tokens by identity key, as stored in one Postman variable (JSON). Never holds a password. */
export type TokenCache = Record<string, IssuedToken>;

/** Reads the stored cache; anything unreadable counts as empty (the next call just fetches a new token). */
export function parseTokenCache(stored: unknown): TokenCache {
  if (typeof stored !== 'string') return {};
  let parsed: unknown; // stays undefined when the text is not JSON ('' included): no cache
  try {
    parsed = JSON.parse(stored);
  } catch {
    // Not JSON: read as empty below.
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const cache: TokenCache = {};
  for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
    const e = entry as Partial<IssuedToken> | null;
    if (e && typeof e.token === 'string' && e.token && typeof e.expiresAt === 'number') {
      cache[key] = { token: e.token, expiresAt: e.expiresAt };
    }
  }
  return cache;
}

/** A cached token is used only while more than `marginMs` of its life is left; otherwise it is replaced. */
export function usableToken(cache: TokenCache, key: string, nowMs: number, marginMs: number): string | undefined {
  const entry = cache[key];
  return entry && entry.expiresAt - nowMs > marginMs ? entry.token : undefined;
}

/** The cache with `token` stored for `key` and every expired entry dropped. */
export function storeToken(cache: TokenCache, key: string, token: IssuedToken, nowMs: number): TokenCache {
  const next: TokenCache = {};
  for (const [k, v] of Object.entries(cache)) if (v.expiresAt > nowMs) next[k] = v;
  next[key] = token;
  return next;
}

/** The cache without `key`'s token: IAM or the gateway said it is no longer valid (revoked before it expired). */
export function dropToken(cache: TokenCache, key: string): TokenCache {
  if (!(key in cache)) return cache;
  const next: TokenCache = { ...cache };
  delete next[key];
  return next;
}

/** Default refresh margin: replace a token when less than this is left (Huawei's SDKs refresh under 40 minutes). */
export const DEFAULT_REFRESH_MARGIN_SECONDS = 3600;
