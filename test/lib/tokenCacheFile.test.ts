import { defaultTokenCachePath, unexpired } from '../../src/lib/tokenCacheFile';

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
