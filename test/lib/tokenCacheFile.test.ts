import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultTokenCachePath, loadTokenCacheFile, saveTokenCacheFile, unexpired } from '../../src/lib/tokenCacheFile';

describe('the --token-cache default file', () => {
  it.each([
    [{ XDG_CACHE_HOME: '/x/cache' }, 'linux', '/x/cache/hwc-auth/tokens.json'],
    [{}, 'linux', '/home/u/.cache/hwc-auth/tokens.json'],
    [{}, 'darwin', '/home/u/Library/Caches/hwc-auth/tokens.json'],
    [{ XDG_CACHE_HOME: '/x/cache' }, 'darwin', '/x/cache/hwc-auth/tokens.json'],
  ] as const)('%j on %s: %s', (env, platform, path) => {
    expect(defaultTokenCachePath(env, platform, '/home/u')).toBe(path);
  });

  it('on Windows: %LOCALAPPDATA%', () => {
    expect(defaultTokenCachePath({ LOCALAPPDATA: 'C:/Users/u/AppData/Local' }, 'win32', 'C:/Users/u').replace(/\\/g, '/')).toBe('C:/Users/u/AppData/Local/hwc-auth/tokens.json');
  });

  it('keeps only unexpired tokens', () => {
    expect(unexpired({ a: { token: 't1', expiresAt: 2000 }, b: { token: 't2', expiresAt: 1000 } }, 1000)).toEqual({ a: { token: 't1', expiresAt: 2000 } });
  });
});

describe('the --token-cache file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hwc-token-cache-file-'));
  const NOW = 1_800_000_000_000;
  const live = { access: 'TMPAK0001', secret: 'temporary-sk-0001', securityToken: 'security-token-0001', expiresAt: NOW + 60_000 };
  const dead = { access: 'TMPAK0002', secret: 'temporary-sk-0002', securityToken: 'security-token-0002', expiresAt: NOW - 1 };
  const ID_KEY = '["https://iam.example.com","AK0001","project","cn-north-4"]';

  it('keeps tokens, temporary keys and ids: unexpired tokens and keys only, mode 0600', () => {
    const file = join(dir, 'all.json');
    saveTokenCacheFile(
      file,
      {
        tokens: { alive: { token: 'token-alive', expiresAt: NOW + 60_000 }, gone: { token: 'token-gone', expiresAt: NOW - 1 } },
        temporary: { 'aksk:AK0001': live, 'aksk:AK0002': dead },
        ids: { [ID_KEY]: 'project-id-1' },
      },
      NOW,
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      hwcAuthTokenCache: 1,
      tokens: { alive: { token: 'token-alive', expiresAt: NOW + 60_000 } },
      temporary: { 'aksk:AK0001': live },
      ids: { [ID_KEY]: 'project-id-1' },
    });
    expect(loadTokenCacheFile(file, NOW)).toEqual({
      tokens: { alive: { token: 'token-alive', expiresAt: NOW + 60_000 } },
      temporary: { 'aksk:AK0001': live },
      ids: { [ID_KEY]: 'project-id-1' },
    });
    // read later: what expired since is left out
    expect(loadTokenCacheFile(file, NOW + 60_000)).toEqual({ tokens: {}, temporary: {}, ids: { [ID_KEY]: 'project-id-1' } });
  });

  it('reads a file written before temporary keys and ids were kept (tokens only)', () => {
    const file = join(dir, 'old.json');
    writeFileSync(file, JSON.stringify({ hwcAuthTokenCache: 1, tokens: { someone: { token: 'old-token', expiresAt: NOW + 1000 } } }));
    expect(loadTokenCacheFile(file, NOW)).toEqual({ tokens: { someone: { token: 'old-token', expiresAt: NOW + 1000 } }, temporary: {}, ids: {} });
  });

  it('a missing file is an empty cache; malformed entries are dropped', () => {
    expect(loadTokenCacheFile(join(dir, 'none.json'), NOW)).toEqual({ tokens: {}, temporary: {}, ids: {} });
    const file = join(dir, 'odd.json');
    writeFileSync(file, JSON.stringify({ hwcAuthTokenCache: 1, tokens: {}, temporary: { x: { access: 'A', secret: 5 } }, ids: { k: 7, j: 'id-j' } }));
    expect(loadTokenCacheFile(file, NOW)).toEqual({ tokens: {}, temporary: {}, ids: { j: 'id-j' } });
  });
});
