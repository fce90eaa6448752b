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

  it('drops an entry that expires at this very millisecond, keeps one that expires the next', () => {
    const cache = { due: { token: 'd', expiresAt: now }, next: { token: 'x', expiresAt: now + 1 } };
    expect(storeToken(cache, 'new', { token: 'n', expiresAt: now + hour }, now)).toEqual({
      next: { token: 'x', expiresAt: now + 1 },
      new: { token: 'n', expiresAt: now + hour },
    });
  });

  it('replaces the entry of the same identity and leaves the cache it was given alone', () => {
    const cache = { k: { token: 'old', expiresAt: now + hour } };
    expect(storeToken(cache, 'k', { token: 'new', expiresAt: now + 2 * hour }, now)).toEqual({ k: { token: 'new', expiresAt: now + 2 * hour } });
    expect(cache).toEqual({ k: { token: 'old', expiresAt: now + hour } });
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

  it('reads only a JSON object of identities: null, a number, a string or an array of entries is empty', () => {
    const entry = { token: 't', expiresAt: 5 };
    expect(parseTokenCache('null')).toEqual({});
    expect(parseTokenCache('5')).toEqual({});
    expect(parseTokenCache('"text"')).toEqual({});
    // An array is an object too: its indexes must not become identity keys.
    expect(parseTokenCache(JSON.stringify([entry]))).toEqual({});
  });

  it('reads only a stored text: a value Postman holds as an array or object is empty', () => {
    const text = JSON.stringify({ a: { token: 't', expiresAt: 5 } });
    // String([text]) is the text itself: still not what the script stored.
    expect(parseTokenCache([text])).toEqual({});
    expect(parseTokenCache({ a: { token: 't', expiresAt: 5 } })).toEqual({});
  });

  it('keeps only entries with a non-empty text token and a numeric expiry, dropping the rest one by one', () => {
    const stored = JSON.stringify({
      good: { token: 't', expiresAt: 5, extra: 'dropped' },
      numberToken: { token: 5, expiresAt: 5 },
      objectToken: { token: { a: 1 }, expiresAt: 5 },
      textExpiry: { token: 't', expiresAt: '5' },
      notAnObject: 'token',
    });
    expect(parseTokenCache(stored)).toEqual({ good: { token: 't', expiresAt: 5 } });
  });
});
