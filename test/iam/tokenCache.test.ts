import { parseTokenCache, storeToken, usableToken } from '../../src/core/iam';

describe('token cache', () => {
  const now = 1_000_000_000_000;
  const hour = 3600_000;

  it('uses a token only while more than the margin is left', () => {
    const cache = { k: { token: 't', expiresAt: now + 2 * hour } };
    expect(usableToken(cache, 'k', now, hour)).toBe('t');
    expect(usableToken(cache, 'k', now + hour, hour)).toBeUndefined();
    expect(usableToken(cache, 'k', now + hour - 1, hour)).toBe('t');
    expect(usableToken(cache, 'other', now, hour)).toBeUndefined();
  });

  it('stores per identity and drops expired entries', () => {
    const cache = { old: { token: 'o', expiresAt: now - 1 }, keep: { token: 'k', expiresAt: now + hour } };
    expect(storeToken(cache, 'new', { token: 'n', expiresAt: now + 2 * hour }, now)).toEqual({
      keep: { token: 'k', expiresAt: now + hour },
      new: { token: 'n', expiresAt: now + 2 * hour },
    });
  });

  it('reads what it stored and treats anything else as empty', () => {
    const stored = JSON.stringify({ a: { token: 't', expiresAt: 5 } });
    expect(parseTokenCache(stored)).toEqual({ a: { token: 't', expiresAt: 5 } });
    expect(parseTokenCache(undefined)).toEqual({});
    expect(parseTokenCache('')).toEqual({});
    expect(parseTokenCache('{broken')).toEqual({});
    expect(parseTokenCache('[1]')).toEqual({});
    expect(parseTokenCache(JSON.stringify({ a: { token: '', expiresAt: 5 }, b: { token: 't' }, c: null }))).toEqual({});
  });
});
