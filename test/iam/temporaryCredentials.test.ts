import {
  DEFAULT_TEMPORARY_DURATION_SECONDS,
  iamError,
  MAX_TEMPORARY_DURATION_SECONDS,
  MIN_TEMPORARY_DURATION_SECONDS,
  parseSecurityTokenResponse,
  parseTemporaryCache,
  securityTokenRequestBody,
  securityTokensUrl,
  storeTemporary,
  temporaryIdentityKey,
  TEMPORARY_REFRESH_MARGIN_SECONDS,
  usableTemporary,
  type TemporaryIdentity,
} from '../../src/core/iam';

const mine: TemporaryIdentity = { iamEndpoint: 'https://iam.example.com/', caller: { kind: 'aksk', ak: 'AK1' }, durationSeconds: 900 };
const agency: TemporaryIdentity = { ...mine, agency: { name: 'ops', domainName: 'other-account' }, durationSeconds: 3600 };
const credential = { access: 'TMPAK', secret: 'tmp-secret', securityToken: 'tmp-token', expiresAt: Date.UTC(2024, 0, 1, 13) };

describe('the securitytokens request', () => {
  it('goes to /v3.0/OS-CREDENTIAL/securitytokens of the endpoint', () => {
    expect(securityTokensUrl('https://iam.example.com/')).toBe('https://iam.example.com/v3.0/OS-CREDENTIAL/securitytokens');
  });

  it('asks for the caller\'s own credentials with method token, or an agency\'s with assume_role (IAM API reference)', () => {
    expect(JSON.parse(securityTokenRequestBody(mine))).toEqual({ auth: { identity: { methods: ['token'], token: { duration_seconds: 900 } } } });
    expect(JSON.parse(securityTokenRequestBody(agency))).toEqual({
      auth: { identity: { methods: ['assume_role'], assume_role: { agency_name: 'ops', domain_name: 'other-account', duration_seconds: 3600 } } },
    });
  });

  it('keys the cache by endpoint, caller, agency and duration', () => {
    const keys = new Set([
      temporaryIdentityKey(mine),
      temporaryIdentityKey(agency),
      temporaryIdentityKey({ ...mine, caller: { kind: 'aksk', ak: 'AK2' } }),
      temporaryIdentityKey({ ...mine, durationSeconds: 1800 }),
      temporaryIdentityKey({ ...mine, iamEndpoint: 'https://iam.other.example.com' }),
    ]);
    expect(keys.size).toBe(5);
    expect(temporaryIdentityKey({ ...mine, iamEndpoint: 'HTTPS://IAM.EXAMPLE.COM' })).toBe(temporaryIdentityKey(mine));
  });
});

describe('parseSecurityTokenResponse', () => {
  it('reads a 201 credential', () => {
    const body = JSON.stringify({ credential: { access: 'TMPAK', secret: 'tmp-secret', securitytoken: 'tmp-token', expires_at: '2024-01-01T13:00:00.000000Z' } });
    expect(parseSecurityTokenResponse(201, body)).toEqual(credential);
  });

  it.each([
    [404, '{"error":{"code":404,"message":"Could not find agency x in domain y.","title":"Not Found"}}', '404 Could not find agency x in domain y.'],
    [401, '{"error_msg":"The token is expired.","error_code":"IAM.0066"}', '401 IAM.0066 The token is expired.'],
    [201, '{"credential":{"access":"A","secret":"S"}}', '201 reply without a complete credential (access, secret, securitytoken, expires_at)'],
  ])('throws an IamError with IAM\'s words for %s', (status, body, message) => {
    expect(() => parseSecurityTokenResponse(status, body)).toThrow(iamError(message, status));
  });
});

describe('the temporary credential cache', () => {
  const now = credential.expiresAt - 600_000;
  it('uses an entry while more than 5 minutes are left, not after', () => {
    const cache = storeTemporary({}, 'k', credential, now);
    expect(usableTemporary(cache, 'k', now)).toEqual(credential);
    expect(usableTemporary(cache, 'k', credential.expiresAt - 300_000)).toBeUndefined();
    expect(usableTemporary(cache, 'other', now)).toBeUndefined();
  });

  it('round-trips through its JSON and reads anything else as empty', () => {
    const cache = storeTemporary({ old: { ...credential, expiresAt: now - 1 } }, 'k', credential, now);
    expect(Object.keys(cache)).toEqual(['k']);
    expect(parseTemporaryCache(JSON.stringify(cache))).toEqual(cache);
    expect(parseTemporaryCache('not json')).toEqual({});
    expect(parseTemporaryCache(JSON.stringify({ k: { access: 'A' } }))).toEqual({});
  });
});

describe('the securitytokens request, in detail', () => {
  it("has IAM's duration limits (15 minutes to 24 hours) and the README's default (3600)", () => {
    expect([MIN_TEMPORARY_DURATION_SECONDS, MAX_TEMPORARY_DURATION_SECONDS, DEFAULT_TEMPORARY_DURATION_SECONDS]).toEqual([900, 86400, 3600]);
  });

  it('drops every trailing slash of the endpoint', () => {
    expect(securityTokensUrl('https://iam.example.com')).toBe('https://iam.example.com/v3.0/OS-CREDENTIAL/securitytokens');
    expect(securityTokensUrl('https://iam.example.com///')).toBe('https://iam.example.com/v3.0/OS-CREDENTIAL/securitytokens');
  });

  it('keys by the endpoint without trailing slashes and in lower case, the caller kind and name, the agency and the duration', () => {
    expect(JSON.parse(temporaryIdentityKey({ ...mine, iamEndpoint: 'https://IAM.example.com//' }))).toEqual(['https://iam.example.com', 'aksk', 'AK1', 900]);
    expect(JSON.parse(temporaryIdentityKey({ ...agency, caller: { kind: 'token', tokenIdentity: 'T1' } }))).toEqual([
      'https://iam.example.com',
      'token',
      'T1',
      'other-account',
      'ops',
      3600,
    ]);
  });

  it('never gives an AK caller and a token caller of the same name one key, nor two swapped agencies', () => {
    expect(temporaryIdentityKey({ ...mine, caller: { kind: 'token', tokenIdentity: 'AK1' } })).not.toBe(temporaryIdentityKey(mine));
    expect(temporaryIdentityKey({ ...agency, agency: { name: 'other-account', domainName: 'ops' } })).not.toBe(temporaryIdentityKey(agency));
  });
});

describe('parseSecurityTokenResponse, in detail', () => {
  const full = { access: 'TMPAK', secret: 'tmp-secret', securitytoken: 'tmp-token', expires_at: '2024-01-01T13:00:00.000000Z' };
  const reply = (c: unknown): string => JSON.stringify({ credential: c });
  const incomplete = '201 reply without a complete credential (access, secret, securitytoken, expires_at)';

  it('trims the values', () => {
    expect(parseSecurityTokenResponse(201, reply({ access: ' TMPAK ', secret: 'tmp-secret\n', securitytoken: '\ttmp-token', expires_at: ' 2024-01-01T13:00:00.000000Z ' }))).toEqual(
      credential,
    );
  });

  it.each(['access', 'secret', 'securitytoken', 'expires_at'])('refuses a credential whose %s is missing, empty, blank or not a string', (field) => {
    for (const value of [undefined, '', '  ', 42, null, ['x']]) {
      expect(() => parseSecurityTokenResponse(201, reply({ ...full, [field]: value }))).toThrow(iamError(incomplete, 201));
    }
  });

  it('refuses an expires_at that is not an IAM time', () => {
    expect(() => parseSecurityTokenResponse(201, reply({ ...full, expires_at: 'tomorrow' }))).toThrow(iamError(incomplete, 201));
  });

  it.each(['', 'not json', 'null', '{}', '[]', '{"credential":null}'])('refuses a 201 reply %j', (body) => {
    expect(() => parseSecurityTokenResponse(201, body)).toThrow(iamError(incomplete, 201));
  });

  it.each([
    [200, reply(full)],
    [500, ''],
    [503, '<html>busy</html>'],
  ])('refuses any status but 201 (%s), saying when IAM gave no message', (status, body) => {
    expect(() => parseSecurityTokenResponse(status, body)).toThrow(iamError(`${status} no error message in the reply`, status));
  });
});

describe('the temporary credential cache, in detail', () => {
  const now = credential.expiresAt - 600_000;

  it('uses an entry until exactly 5 minutes are left', () => {
    const cache = { k: credential };
    expect(TEMPORARY_REFRESH_MARGIN_SECONDS).toBe(300);
    expect(usableTemporary(cache, 'k', credential.expiresAt - 300_001)).toEqual(credential);
    expect(usableTemporary(cache, 'k', credential.expiresAt - 300_000)).toBeUndefined();
  });

  it('drops the entries expired by now (at this very millisecond too), keeps the others, and changes no argument', () => {
    const before = { gone: { ...credential, expiresAt: now }, kept: { ...credential, expiresAt: now + 1 } };
    const copy = JSON.parse(JSON.stringify(before));
    expect(storeTemporary(before, 'k', credential, now)).toEqual({ kept: before.kept, k: credential });
    expect(before).toEqual(copy);
  });

  it.each([undefined, 42, '', 'null', '[]', '5', '"text"', '{'])('reads %j as empty', (stored) => {
    expect(parseTemporaryCache(stored)).toEqual({});
  });

  it('keeps only entries with every field of the right type, and only those fields', () => {
    const stored = JSON.stringify({
      good: { ...credential, extra: 'x' },
      nothing: null,
      noAccess: { ...credential, access: 1 },
      noSecret: { ...credential, secret: null },
      noToken: { ...credential, securityToken: undefined },
      noExpiry: { ...credential, expiresAt: '1' },
    });
    expect(parseTemporaryCache(stored)).toEqual({ good: credential });
  });
});

describe('a stored temporary cache in an array', () => {
  it('is not a cache by key', () => {
    expect(parseTemporaryCache(JSON.stringify([credential]))).toEqual({});
  });
});
