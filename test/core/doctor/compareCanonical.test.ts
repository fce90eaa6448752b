import { compareCanonicalRequests, describeDifference, parseCanonicalRequest, type ParsedCanonicalRequest } from '../../../src/core/doctor';

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
