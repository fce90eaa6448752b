import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseIdCache, parseTemporaryCache, parseTokenCache, type IdCache, type TemporaryCache, type TokenCache } from '../core';
import { UsageError } from './exitCodes';

/**
 * `hwc-auth run --token-cache [file]`: what the script obtained from IAM, kept between runs in a file only the user
 * can read (mode 0600, its folder 0700), never in an exported environment: IAM tokens (`hwc_token_cache`), temporary
 * AK/SK and security tokens (`hwc_temporary_cache`) and looked-up project and account ids (`hwc_id_cache`). Loaded
 * before the run into those variables, saved after it, the tokens and temporary keys unexpired ones only. The file holds
 * `{ "hwcAuthTokenCache": 1, "tokens": { identity: { token, expiresAt } }, "temporary": { identity: { access, secret,
 * securityToken, expiresAt } }, "ids": { key: id } }`; a file with tokens only (written before temporary keys and ids
 * were kept) reads as it is. A file without the marker is refused rather than overwritten.
 */
const MARKER = 'hwcAuthTokenCache';

/** What the file carries from one run to the next. */
export interface CachedCredentials {
  tokens: TokenCache;
  temporary: TemporaryCache;
  ids: IdCache;
}

/**
 * The default file: `$XDG_CACHE_HOME/hwc-auth/tokens.json`, else the platform's cache folder: `~/.cache` (Linux and
 * other Unixes), `~/Library/Caches` (macOS), `%LOCALAPPDATA%` (Windows).
 */
export function defaultTokenCachePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  const base =
    env.XDG_CACHE_HOME ||
    (platform === 'win32' ? env.LOCALAPPDATA || join(home, 'AppData', 'Local') : platform === 'darwin' ? join(home, 'Library', 'Caches') : join(home, '.cache'));
  return join(base, 'hwc-auth', 'tokens.json');
}

/** Only the entries (tokens or temporary keys) that have not expired at `nowMs`. */
export function unexpired<T extends { expiresAt: number }>(cache: Record<string, T>, nowMs: number): Record<string, T> {
  return Object.fromEntries(Object.entries(cache).filter(([, entry]) => entry.expiresAt > nowMs));
}

/** The file's unexpired tokens and temporary keys, and its ids; nothing when it does not exist yet. A file that is not a token cache is refused. */
export function loadTokenCacheFile(path: string, nowMs: number = Date.now()): CachedCredentials {
  if (!existsSync(path)) return { tokens: {}, temporary: {}, ids: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--token-cache ${path} is not a hwc-auth token cache (${(e as NodeJS.ErrnoException).code ?? 'not JSON'}): delete it or give another file`);
  }
  const file = parsed as { [MARKER]?: unknown; tokens?: unknown; temporary?: unknown; ids?: unknown } | null;
  if (!file || typeof file !== 'object' || file[MARKER] !== 1) {
    throw new UsageError(`--token-cache ${path} is not a hwc-auth token cache: delete it or give another file`);
  }
  return {
    tokens: unexpired(parseTokenCache(JSON.stringify(file.tokens ?? {})), nowMs),
    temporary: unexpired(parseTemporaryCache(JSON.stringify(file.temporary ?? {})), nowMs),
    ids: parseIdCache(JSON.stringify(file.ids ?? {})),
  };
}

/** Writes the unexpired tokens and temporary keys and the ids, readable by the user only (written aside, then renamed over the file). */
export function saveTokenCacheFile(path: string, cached: CachedCredentials, nowMs: number = Date.now()): void {
  const content = { [MARKER]: 1, tokens: unexpired(cached.tokens, nowMs), temporary: unexpired(cached.temporary, nowMs), ids: cached.ids };
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(content, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (e) {
    throw new UsageError(`cannot write --token-cache ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
