import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseTokenCache, type TokenCache } from '../core';
import { UsageError } from './exitCodes';

/**
 * `hwc-auth run --token-cache [file]`: IAM tokens kept between runs in a file only the user can read (mode 0600, its
 * folder 0700), never in an exported environment. Loaded before the run into the run's `hwc_token_cache`, saved
 * after it with only the unexpired entries. The file holds `{ "hwcAuthTokenCache": 1, "tokens": { identity: { token,
 * expiresAt } } }`; a file without that marker is refused rather than overwritten.
 */
const MARKER = 'hwcAuthTokenCache';

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

/** Only the entries that have not expired at `nowMs`. */
export function unexpired(cache: TokenCache, nowMs: number): TokenCache {
  return Object.fromEntries(Object.entries(cache).filter(([, entry]) => entry.expiresAt > nowMs));
}

/** The unexpired tokens in the file; none when it does not exist yet. A file that is not a token cache is refused. */
export function loadTokenCacheFile(path: string, nowMs: number = Date.now()): TokenCache {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--token-cache ${path} is not a hwc-auth token cache (${(e as NodeJS.ErrnoException).code ?? 'not JSON'}): delete it or give another file`);
  }
  const file = parsed as { [MARKER]?: unknown; tokens?: unknown } | null;
  if (!file || typeof file !== 'object' || file[MARKER] !== 1) {
    throw new UsageError(`--token-cache ${path} is not a hwc-auth token cache: delete it or give another file`);
  }
  return unexpired(parseTokenCache(JSON.stringify(file.tokens ?? {})), nowMs);
}

/** Writes the unexpired tokens, readable by the user only (written aside, then renamed over the file). */
export function saveTokenCacheFile(path: string, cache: TokenCache, nowMs: number = Date.now()): void {
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ [MARKER]: 1, tokens: unexpired(cache, nowMs) }, null, 2) + '\n', { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  } catch (e) {
    throw new UsageError(`cannot write --token-cache ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}
