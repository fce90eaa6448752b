import {
  compareCanonicalRequests,
  describeDifference,
  formatCanonicalRequest,
  isSecretHeader,
  maskCanonicalRequest,
  parseCanonicalRequest,
  type ParsedCanonicalRequest,
} from '../../../src/core/doctor';

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const OTHER_HASH = '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';

function cr(patch: { method?: string; uri?: string; query?: string; headers?: string[]; hash?: string } = {}): ParsedCanonicalRequest {
  const headers = patch.headers ?? ['host:api.example.com', 'x-sdk-date:20240102T030405Z', 'x-trace:a'];
  const names = headers.map((h) => h.slice(0, h.indexOf(':')));
  const text = [patch.method ?? 'GET', patch.uri ?? '/v1/x/', patch.query ?? 'a=1', ...headers, '', names.join(';'), patch.hash ?? HASH].join('\n');
  const parsed = parseCanonicalRequest(text);
  if (!parsed) throw new Error('fixture does not parse');
  return parsed;
}

describe('compareCanonicalRequests and describeDifference', () => {
  it('everything matches: the SK does not belong to this AK', () => {
    expect(compareCanonicalRequests(cr(), cr())).toBeNull();
    expect(describeDifference(null)).toBe('everything matches: the SK does not belong to this AK');
  });

  it('names a header changed after signing, with both values', () => {
    const d = compareCanonicalRequests(cr(), cr({ headers: ['host:api.example.com', 'x-sdk-date:20240102T030405Z', 'x-trace:b'] }));
    expect(d).toEqual({ part: 'header', name: 'x-trace', signed: 'a', received: 'b' });
    expect(describeDifference(d)).toBe('header x-trace differs: signed "a", the gateway received "b": a script or proxy changed it after signing');
  });

  it('a changed body: payload hash differs', () => {
    const d = compareCanonicalRequests(cr(), cr({ hash: OTHER_HASH }));
    expect(d).toEqual({ part: 'payload-hash', signed: HASH, received: OTHER_HASH });
    expect(describeDifference(d)).toMatch(/^payload hash differs: the body changed after signing/);
  });

  it('reports the first difference in canonical order: method, URI, query, headers, signed headers, payload', () => {
    const theirs = cr({ query: 'a=2', headers: ['host:other', 'x-sdk-date:20240102T030405Z', 'x-trace:a'], hash: OTHER_HASH });
    expect(compareCanonicalRequests(cr(), theirs)).toEqual({ part: 'query', signed: 'a=1', received: 'a=2' });
    expect(describeDifference(compareCanonicalRequests(cr(), theirs))).toBe(
      'query differs: signed "a=1", the gateway received "a=2": a script or proxy changed the query parameters after signing',
    );
    expect(compareCanonicalRequests(cr(), cr({ uri: '/v1/y/' }))).toEqual({ part: 'uri', signed: '/v1/x/', received: '/v1/y/' });
    expect(compareCanonicalRequests(cr(), cr({ method: 'POST', uri: '/v1/y/' }))).toEqual({ part: 'method', signed: 'GET', received: 'POST' });
  });

  it('a header signed but missing at the gateway, and one the gateway has that was not signed', () => {
    const fewer = cr({ headers: ['host:api.example.com', 'x-sdk-date:20240102T030405Z'] });
    const missing = compareCanonicalRequests(cr(), fewer);
    expect(missing).toEqual({ part: 'header', name: 'x-trace', signed: 'a', received: undefined });
    expect(describeDifference(missing)).toBe('header x-trace was signed ("a") but did not reach the gateway: a script or proxy removed it after signing');
    expect(describeDifference(compareCanonicalRequests(fewer, cr()))).toBe(
      'header x-trace reached the gateway ("a") but was not signed: the Authorization header was changed after signing',
    );
  });

  it('never shows or compares the values of credential headers', () => {
    const ours = cr({ headers: ['host:h', 'x-sdk-date:20240102T030405Z', 'x-security-token:***'] });
    const theirs = cr({ headers: ['host:h', 'x-sdk-date:20240102T030405Z', 'x-security-token:REAL-TOKEN-VALUE'] });
    expect(compareCanonicalRequests(ours, theirs)).toBeNull();
    const gone = compareCanonicalRequests(ours, cr({ headers: ['host:h', 'x-sdk-date:20240102T030405Z'] }));
    expect(describeDifference(gone)).toBe('header x-security-token was signed (***) but did not reach the gateway: a script or proxy removed it after signing');
  });

  it('clips long values in the one-line verdict', () => {
    const long = 'v'.repeat(200);
    const text = describeDifference({ part: 'header', name: 'x-big', signed: long, received: 'b' });
    expect(text).toContain(`"${'v'.repeat(77)}..."`);
    expect(text).not.toContain(long);
  });
});

describe('the doctor, at its edges', () => {
  it('knows API keys as secret headers, with or without a separator', () => {
    for (const name of ['x-api-key', 'X-API_KEY', 'apikey', 'X-Auth-Token', 'x-security-token', 'x-apig-appcode', 'x-client-secret', 'x-password', 'x-credential'])
      expect([name, isSecretHeader(name)]).toEqual([name, true]);
    for (const name of ['host', 'x-sdk-date', 'x-api-version', 'content-type']) expect([name, isSecretHeader(name)]).toEqual([name, false]);
  });

  it('masks the secret header lines of a canonical request text, and only them', () => {
    expect(maskCanonicalRequest(['GET', '/a:b', 'q=x:y', 'host:h', 'x-auth-token:T0KEN', 'x-api-key:K:1', ':odd', '', 'host;x-auth-token', HASH].join('\n'))).toBe(
      ['GET', '/a:b', 'q=x:y', 'host:h', 'x-auth-token:***', 'x-api-key:***', ':odd', '', 'host;x-auth-token', HASH].join('\n'),
    );
  });

  it('writes a canonical request back as the signer does', () => {
    expect(formatCanonicalRequest(cr())).toBe(['GET', '/v1/x/', 'a=1', 'host:api.example.com', 'x-sdk-date:20240102T030405Z', 'x-trace:a', '', 'host;x-sdk-date;x-trace', HASH].join('\n'));
  });

  it('compares header names in canonical (sorted) order', () => {
    const d = compareCanonicalRequests(cr({ headers: ['host:api.example.com', 'z-trace:a'] }), cr({ headers: ['a-extra:1', 'host:api.example.com', 'z-trace:b'] }));
    expect(d).toEqual({ part: 'header', name: 'a-extra', signed: undefined, received: '1' });
  });

  it('reports a secret header only one side has, without its value', () => {
    const d = compareCanonicalRequests(cr(), cr({ headers: ['host:api.example.com', 'x-auth-token:T', 'x-sdk-date:20240102T030405Z', 'x-trace:a'] }));
    expect(d).toEqual({ part: 'header', name: 'x-auth-token', signed: undefined, received: 'T' });
    expect(describeDifference(d)).toBe('header x-auth-token reached the gateway (***) but was not signed: the Authorization header was changed after signing');
  });

  it('reports a different SignedHeaders list when the header lines match', () => {
    const signed = cr();
    const d = compareCanonicalRequests(signed, { ...signed, signedHeaders: ['host', 'x-sdk-date'] });
    expect(d).toEqual({ part: 'signed-headers', signed: 'host;x-sdk-date;x-trace', received: 'host;x-sdk-date' });
    expect(describeDifference(d)).toBe(
      'signed headers differ: signed "host;x-sdk-date;x-trace", the gateway received "host;x-sdk-date": the Authorization header was changed after signing',
    );
  });

  it('says which of method and path differs', () => {
    expect(describeDifference(compareCanonicalRequests(cr(), cr({ method: 'POST' })))).toBe(
      'method differs: signed GET, the gateway received POST: a script or proxy changed the method after signing',
    );
    expect(describeDifference(compareCanonicalRequests(cr(), cr({ uri: '/v1/y/' })))).toBe(
      'path differs: signed "/v1/x/", the gateway received "/v1/y/": a script or proxy changed the URL after signing (or the gateway sits behind a path prefix)',
    );
  });

  it('shows values up to 80 characters whole, and clips longer ones to 77 and ...', () => {
    const v80 = 'v'.repeat(80);
    expect(describeDifference({ part: 'query', signed: v80, received: v80 + 'w' })).toBe(
      `query differs: signed "${v80}", the gateway received "${'v'.repeat(77)}...": a script or proxy changed the query parameters after signing`,
    );
  });
});

describe('masking and describing, by header name only', () => {
  it('masks by the name before the colon, never a line without one or a value that looks secret', () => {
    const text = ['GET', '/', 'access_token=abc', 'host:h', 'x-trace:token-1', '', 'host;x-trace', HASH].join('\n');
    expect(maskCanonicalRequest(text)).toBe(text);
  });

  it('names a signed header that did not reach the gateway', () => {
    const d = compareCanonicalRequests(cr(), cr({ headers: ['host:api.example.com', 'x-sdk-date:20240102T030405Z'] }));
    expect(d).toEqual({ part: 'header', name: 'x-trace', signed: 'a', received: undefined });
    expect(describeDifference(d)).toBe('header x-trace was signed ("a") but did not reach the gateway: a script or proxy removed it after signing');
  });
});
