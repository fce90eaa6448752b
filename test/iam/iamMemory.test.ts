import { IAM_BACKOFF, backOff, backoffWait, clearBackoff, dropToken, endpointKey, loginKey, parseIamMemory, parseRetryAfter, rememberRefusal, type TokenIdentity } from '../../src/core/iam';

const identity = (scope: TokenIdentity['scope']): TokenIdentity => ({ iamEndpoint: 'https://IAM.example.com/', domainName: 'acme', username: 'alice', scope });

describe('refused logins', () => {
  it('are remembered per user, whatever the scope', () => {
    const a = loginKey(identity({ kind: 'project', name: 'cn-north-4' }));
    const b = loginKey(identity({ kind: 'domain', name: 'acme' }));
    expect(a).toBe(b);
    expect(a).toBe(JSON.stringify(['https://iam.example.com', 'acme', 'alice']));
    const m = rememberRefusal(parseIamMemory(undefined), a, '401 The username or password is wrong.');
    expect(parseIamMemory(JSON.stringify(m)).refused).toEqual({ [a]: '401 The username or password is wrong.' });
  });
});

describe('IAM back-off', () => {
  const now = 1_000_000;
  const ep = endpointKey('https://iam.example.com');

  it('doubles from 1 s without Retry-After, up to 30 s', () => {
    let m = parseIamMemory(undefined);
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      m = backOff(m, ep, now, 503);
      waits.push(backoffWait(m, ep, now));
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffWait(m, ep, now + 29_000)).toBe(1000);
    expect(backoffWait(m, ep, now + 31_000)).toBe(0);
    expect(backoffWait(clearBackoff(m, ep), ep, now)).toBe(0);
  });

  it('honours Retry-After, bounded to a minute', () => {
    expect(backoffWait(backOff(parseIamMemory(''), ep, now, 429, 7000), ep, now)).toBe(7000);
    expect(backoffWait(backOff(parseIamMemory(''), ep, now, 429, 3600_000), ep, now)).toBe(60_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const at = Date.UTC(2024, 0, 2, 3, 4, 5);
    expect(parseRetryAfter('2', at)).toBe(2000);
    expect(parseRetryAfter('Tue, 02 Jan 2024 03:04:35 GMT', at)).toBe(30_000);
    expect(parseRetryAfter('Tue, 02 Jan 2024 03:00:00 GMT', at)).toBe(0);
    expect(parseRetryAfter('soon', at)).toBeUndefined();
    expect(parseRetryAfter(undefined, at)).toBeUndefined();
  });

  it('survives its own serialisation; anything unreadable is empty', () => {
    const m = backOff(parseIamMemory(undefined), ep, now, 503);
    expect(m.backoff[ep]).toEqual({ until: now + 1000, failures: 1, status: 503 });
    expect(parseIamMemory(JSON.stringify(m))).toEqual(m);
    expect(parseIamMemory('{')).toEqual({ refused: {}, backoff: {} });
  });
});

describe('dropToken', () => {
  it('removes one identity and keeps the others', () => {
    const cache = { a: { token: 'ta', expiresAt: 5 }, b: { token: 'tb', expiresAt: 6 } };
    expect(dropToken(cache, 'a')).toEqual({ b: { token: 'tb', expiresAt: 6 } });
    expect(dropToken(cache, 'z')).toBe(cache);
  });
});

describe('IAM memory, in detail', () => {
  const now = 1_000_000;
  const ep = endpointKey('https://iam.example.com');

  it('keys an endpoint without its trailing slashes, in lower case', () => {
    expect(endpointKey('https://IAM.Example.com///')).toBe('https://iam.example.com');
  });

  it('has the documented bounds: 1 s doubling to 30 s, Retry-After up to 60 s, a 10 s wait at most', () => {
    expect(IAM_BACKOFF).toEqual({ firstMs: 1000, maxMs: 30_000, retryAfterMaxMs: 60_000, maxWaitMs: 10_000 });
  });

  it('bounds Retry-After to [0, 60 s] and counts the failures in a row with it too', () => {
    const once = backOff(parseIamMemory(''), ep, now, 429, -5000);
    expect(once.backoff[ep]).toEqual({ until: now, failures: 1, status: 429 });
    expect(backOff(once, ep, now, 503, 60_000).backoff[ep]).toEqual({ until: now + 60_000, failures: 2, status: 503 });
    expect(backOff(once, ep, now, 503, 60_001).backoff[ep]).toEqual({ until: now + 60_000, failures: 2, status: 503 });
    expect(backOff(once, ep, now, 503).backoff[ep]).toEqual({ until: now + 2000, failures: 2, status: 503 });
  });

  it('waits only for its own endpoint, and changes no argument', () => {
    const m = backOff(parseIamMemory(''), ep, now, 503);
    const copy = JSON.parse(JSON.stringify(m));
    expect(backoffWait(m, 'https://other.example.com', now)).toBe(0);
    expect(backoffWait(m, ep, now + 1000)).toBe(0);
    expect(backoffWait(m, ep, now + 999)).toBe(1);
    expect(clearBackoff(m, 'https://other.example.com')).toBe(m);
    expect(clearBackoff(m, ep)).toEqual({ refused: {}, backoff: {} });
    backOff(m, ep, now, 503);
    rememberRefusal(m, 'k', 'said');
    expect(m).toEqual(copy);
  });

  it('reads Retry-After around spaces; a fraction or a negative number is not one', () => {
    expect(parseRetryAfter(' 3 ', 0)).toBe(3000);
    expect(parseRetryAfter('0', 0)).toBe(0);
    expect(parseRetryAfter('120', 0)).toBe(120_000);
    expect(parseRetryAfter('2.5', 0)).toBeUndefined();
    expect(parseRetryAfter('-2', 0)).toBeUndefined();
    expect(parseRetryAfter('', 0)).toBeUndefined();
  });

  it.each([undefined, 42, '', 'null', '[]', '{', '{"refused":null,"backoff":null}'])('reads %j as nothing remembered', (stored) => {
    expect(parseIamMemory(stored)).toEqual({ refused: {}, backoff: {} });
  });

  it('keeps only well-formed entries, and only their fields', () => {
    const stored = JSON.stringify({
      refused: { a: '401 no', b: 401, c: null },
      // the malformed entries first: one read as good would throw or show before the last, good one
      backoff: {
        noUntil: { until: '5', failures: 1, status: 503 },
        noFailures: { until: 5, status: 503 },
        noStatus: { until: 5, failures: 1, status: '503' },
        nothing: null,
        good: { until: 5, failures: 1, status: 503, extra: true },
      },
    });
    expect(parseIamMemory(stored)).toEqual({ refused: { a: '401 no' }, backoff: { good: { until: 5, failures: 1, status: 503 } } });
  });
});
