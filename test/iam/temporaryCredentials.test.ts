import {
  IamError,
  parseSecurityTokenResponse,
  parseTemporaryCache,
  securityTokenRequestBody,
  securityTokensUrl,
  storeTemporary,
  temporaryIdentityKey,
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
    expect(() => parseSecurityTokenResponse(status, body)).toThrow(new IamError(message, status));
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
