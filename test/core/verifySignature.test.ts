import { SDK_HMAC_SM3, signRequest, V11_HMAC_SHA256, verifySignature, type ReceivedRequest, type VerifyResult } from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { loadPublishedVectors } from '../vectors/published';
import { sha256 } from './reference';

const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'ExampleSecretKey0000000000000000000000001';
const DATE = '20240102T030405Z';
const secretFor = (ak: string): string | undefined => (ak === AK ? SK : undefined);
const verify = (req: ReceivedRequest): VerifyResult => verifySignature(req, secretFor, nodeCrypto);

/** A request signed by signRequest, as the server receives it (lowercased header names, raw target, body bytes). */
function received(opts: { unsignedPayload?: boolean; algorithm?: typeof V11_HMAC_SHA256 | typeof SDK_HMAC_SM3 } = {}): ReceivedRequest {
  const body = '{"name":"é"}';
  const signed = signRequest(
    {
      method: 'POST',
      url: 'https://ecs.example.com/v1/p1/servers%20x?limit=10&marker=a%2Bb',
      headers: [['Content-Type', 'application/json']],
      body,
      unsignedPayload: opts.unsignedPayload ?? false,
    },
    { ak: AK, sk: SK, projectId: 'p1', securityToken: 'tok' },
    {
      sdkDate: DATE,
      crypto: nodeCrypto,
      ...(opts.algorithm && { algorithm: opts.algorithm }),
      ...(opts.algorithm === V11_HMAC_SHA256 && { derivation: { regionId: 'cn-north-4', service: 'ecs' } }),
    },
  );
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'test' };
  for (const [name, value] of signed.headers) headers[name.toLowerCase()] = value;
  return { method: 'POST', target: '/v1/p1/servers%20x?limit=10&marker=a%2Bb', headers, body: new Uint8Array(Buffer.from(body, 'utf8')) };
}

const withHeaders = (req: ReceivedRequest, patch: Record<string, string | undefined>): ReceivedRequest => ({ ...req, headers: { ...req.headers, ...patch } });
const mismatch = expect.objectContaining({ ok: false, reason: 'signature-mismatch' });

describe('verifySignature', () => {
  it('accepts the guide example (independent of the signer): published Authorization, canonical request hash', () => {
    const v = loadPublishedVectors().find((x) => x.name === 'guide example')!;
    const url = new URL(v.request!.url);
    const result = verifySignature(
      {
        method: v.request!.method,
        target: url.pathname + url.search,
        headers: { 'content-type': 'application/json', host: url.host, 'x-sdk-date': v.sdkDate, authorization: v.authorization as string },
        body: new Uint8Array(0),
      },
      (ak) => (ak === v.ak ? v.sk : undefined),
      nodeCrypto,
    );
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.access).toBe(v.ak);
      expect(sha256(result.canonicalRequest)).toBe(v.canonicalRequestSha256);
    }
  });

  it('accepts what signRequest signed, ignoring unsigned headers', () => {
    const result = verify(received());
    expect(result).toEqual(expect.objectContaining({ ok: true, access: AK }));
  });

  it('accepts an equivalent target: query in another order, other escapes for the same text, a trailing slash', () => {
    expect(verify({ ...received(), target: '/v1/p1/servers x?marker=a%2bb&limit=10' }).ok).toBe(true);
    expect(verify({ ...received(), target: '/v1/p1/servers%20x/?limit=10&marker=a%2Bb' }).ok).toBe(true);
    expect(verify({ ...received(), target: '/v1/p%31/servers%20x?limit=10&marker=a%2Bb' }).ok).toBe(true);
  });

  it('accepts signed header values with surrounding whitespace (they are trimmed)', () => {
    expect(verify(withHeaders(received(), { 'content-type': ' application/json ' })).ok).toBe(true);
  });

  it('reads a header received as several values as their comma-joined text', () => {
    const signed = signRequest({ method: 'GET', url: 'https://h/', headers: [['Accept', 'a/b,c/d']] }, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto });
    const headers: Record<string, string | string[]> = { accept: ['a/b', 'c/d'] };
    for (const [name, value] of signed.headers) headers[name.toLowerCase()] = value;
    expect(verify({ method: 'GET', target: '/', headers, body: new Uint8Array(0) }).ok).toBe(true);
    expect(verify({ method: 'GET', target: '/', headers: { ...headers, accept: ['c/d', 'a/b'] }, body: new Uint8Array(0) })).toEqual(mismatch);
  });

  it.each([
    ['body', (r: ReceivedRequest): ReceivedRequest => ({ ...r, body: new Uint8Array(Buffer.from('{"name":"e"}', 'utf8')) })],
    ['method', (r: ReceivedRequest): ReceivedRequest => ({ ...r, method: 'PUT' })],
    ['path', (r: ReceivedRequest): ReceivedRequest => ({ ...r, target: '/v1/p2/servers%20x?limit=10&marker=a%2Bb' })],
    ['path encoding that changes the text (%2520)', (r: ReceivedRequest): ReceivedRequest => ({ ...r, target: '/v1/p1/servers%2520x?limit=10&marker=a%2Bb' })],
    ['query value', (r: ReceivedRequest): ReceivedRequest => ({ ...r, target: '/v1/p1/servers%20x?limit=11&marker=a%2Bb' })],
    ["query '+' read as a space", (r: ReceivedRequest): ReceivedRequest => ({ ...r, target: '/v1/p1/servers%20x?limit=10&marker=a%20b' })],
    ['added query parameter', (r: ReceivedRequest): ReceivedRequest => ({ ...r, target: '/v1/p1/servers%20x?limit=10&marker=a%2Bb&x=1' })],
    ['signed header value', (r: ReceivedRequest): ReceivedRequest => withHeaders(r, { 'content-type': 'text/plain' })],
    ['credential header', (r: ReceivedRequest): ReceivedRequest => withHeaders(r, { 'x-project-id': 'p2' })],
    ['security token', (r: ReceivedRequest): ReceivedRequest => withHeaders(r, { 'x-security-token': 'other' })],
    ['host', (r: ReceivedRequest): ReceivedRequest => withHeaders(r, { host: 'ecs.example.com:443' })],
    ['X-Sdk-Date', (r: ReceivedRequest): ReceivedRequest => withHeaders(r, { 'x-sdk-date': '20240102T030406Z' })],
    ['signature', (r: ReceivedRequest): ReceivedRequest => withHeaders(r, { authorization: String(r.headers['authorization']).replace(/[0-9a-f]$/, (c) => (c === '0' ? '1' : '0')) })],
    ['SignedHeaders list', (r: ReceivedRequest): ReceivedRequest => withHeaders(r, { authorization: String(r.headers['authorization']).replace('content-type;', '') })],
  ])('rejects a tampered %s', (_what, tamper) => {
    expect(verify(received())).toEqual(expect.objectContaining({ ok: true }));
    expect(verify(tamper(received()))).toEqual(mismatch);
  });

  /** A GET with X-Name signed in `encoding`, as a Node server receives it when the client sent `sentAs` bytes. */
  function withNonAscii(encoding: 'utf8' | 'latin1', sentAs: 'utf8' | 'latin1'): ReceivedRequest {
    const signed = signRequest({ method: 'GET', url: 'https://h.example.com/', headers: [['X-Name', 'café']] }, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto, headerEncoding: encoding });
    const headers: Record<string, string> = { 'x-name': Buffer.from('café', sentAs).toString('latin1') };
    for (const [name, value] of signed.headers) headers[name.toLowerCase()] = value;
    return { method: 'GET', target: '/', headers, body: new Uint8Array(0) };
  }

  it('hashes header values as the bytes received (Huawei\'s Go Verify): a signature over the bytes that were sent passes', () => {
    // Node sends é as E9 (Latin-1); curl and Go send C3 A9 (UTF-8). A Node server reads each byte as one character.
    expect(verify(withNonAscii('latin1', 'latin1')).ok).toBe(true);
    expect(verify(withNonAscii('utf8', 'utf8')).ok).toBe(true);
    // Signed as UTF-8 but sent by Node as Latin-1 (what the script did before): the gateway rejects it.
    expect(verify(withNonAscii('utf8', 'latin1'))).toEqual(mismatch);
    expect(verify(withNonAscii('latin1', 'utf8'))).toEqual(mismatch);
  });

  it('reads a raw byte above 0x7F in the target as that byte (as %XX), not as its UTF-8 form', () => {
    const signed = signRequest({ method: 'GET', url: 'https://h.example.com/caf%E9' }, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto });
    const headers: Record<string, string> = {};
    for (const [name, value] of signed.headers) headers[name.toLowerCase()] = value;
    expect(verify({ method: 'GET', target: '/caf%E9', headers, body: new Uint8Array(0) }).ok).toBe(true);
    expect(verify({ method: 'GET', target: '/caf\u00e9', headers, body: new Uint8Array(0) }).ok).toBe(true);
    expect(verify({ method: 'GET', target: '/caf%C3%A9', headers, body: new Uint8Array(0) })).toEqual(mismatch);
  });

  it('gives the server canonical request on a mismatch', () => {
    const result = verify({ ...received(), method: 'PUT' });
    expect(result.ok === false && result.reason === 'signature-mismatch' && result.canonicalRequest.split('\n')[0]).toBe('PUT');
  });

  it('rejects an unknown AK as "ak not exist"', () => {
    const r = received();
    const auth = String(r.headers['authorization']).replace(`Access=${AK}`, 'Access=UNKNOWNAK');
    expect(verify(withHeaders(r, { authorization: auth }))).toEqual({ ok: false, reason: 'unknown-access-key', access: 'UNKNOWNAK', detail: 'ak not exist' });
  });

  it('reports a missing or malformed Authorization, a missing X-Sdk-Date, a missing signed header', () => {
    expect(verify(withHeaders(received(), { authorization: undefined }))).toEqual(expect.objectContaining({ ok: false, reason: 'missing-authorization' }));
    expect(verify(withHeaders(received(), { authorization: 'Bearer abc' }))).toEqual(expect.objectContaining({ ok: false, reason: 'malformed-authorization' }));
    expect(verify(withHeaders(received(), { 'x-sdk-date': undefined }))).toEqual(expect.objectContaining({ ok: false, reason: 'missing-sdk-date' }));
    expect(verify(withHeaders(received(), { 'content-type': undefined }))).toEqual(expect.objectContaining({ ok: false, reason: 'missing-signed-header' }));
  });

  it('says in each failure what is wrong, naming a missing signed header', () => {
    expect(verify(withHeaders(received(), { authorization: undefined }))).toEqual({ ok: false, reason: 'missing-authorization', detail: 'no Authorization header' });
    expect(verify(withHeaders(received(), { authorization: 'Bearer abc' }))).toEqual({
      ok: false,
      reason: 'malformed-authorization',
      detail: 'Authorization is not SDK-HMAC-SHA256, SDK-HMAC-SM3 or V11-HMAC-SHA256',
    });
    expect(verify(withHeaders(received(), { 'x-sdk-date': undefined }))).toEqual({ ok: false, reason: 'missing-sdk-date', detail: 'no X-Sdk-Date header' });
    expect(verify(withHeaders(received(), { 'x-project-id': undefined }))).toEqual({
      ok: false,
      reason: 'missing-signed-header',
      detail: 'signed header x-project-id is missing',
    });
    const tampered = verify({ ...received(), method: 'PUT' });
    expect(tampered).toEqual({ ok: false, reason: 'signature-mismatch', access: AK, canonicalRequest: expect.any(String), detail: 'verify aksk signature fail' });
  });

  it('reads a target without a query as all path, and a target that is only a query as the empty path', () => {
    const signedFor = (url: string): ReceivedRequest => {
      const signed = signRequest({ method: 'GET', url }, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto });
      const headers: Record<string, string> = {};
      for (const [name, value] of signed.headers) headers[name.toLowerCase()] = value;
      return { method: 'GET', target: '', headers, body: new Uint8Array(0) };
    };
    const noQuery = signedFor('https://h.example.com/v1/servers');
    expect(verify({ ...noQuery, target: '/v1/servers' }).ok).toBe(true);
    expect(verify({ ...noQuery, target: '/v1/server' })).toEqual(mismatch);
    expect(verify({ ...noQuery, target: '/v1/servers?' }).ok).toBe(true); // an empty query is no query
    const onlyQuery = signedFor('https://h.example.com?a=1');
    expect(verify({ ...onlyQuery, target: '?a=1' }).ok).toBe(true);
    expect(verify({ ...onlyQuery, target: '/?a=1' }).ok).toBe(true);
    expect(verify({ ...onlyQuery, target: '?a=2' })).toEqual(mismatch);
  });

  it('with UNSIGNED-PAYLOAD signed, accepts any body but not a changed X-Sdk-Content-Sha256', () => {
    const r = received({ unsignedPayload: true });
    expect(verify(r).ok).toBe(true);
    expect(verify({ ...r, body: new Uint8Array([1, 2, 3]) }).ok).toBe(true);
    expect(verify(withHeaders(r, { 'x-sdk-content-sha256': sha256('') }))).toEqual(mismatch);
  });

  it('trims a signed X-Sdk-Content-Sha256 as it trims every signed header value', () => {
    const r = received({ unsignedPayload: true });
    expect(verify(withHeaders(r, { 'x-sdk-content-sha256': ' UNSIGNED-PAYLOAD\t' })).ok).toBe(true);
  });

  it("takes the body's SHA-256 instead of its bytes (a server that hashed it as it arrived), and checks it the same", () => {
    const r = received();
    expect(verify({ ...r, body: { sha256Hex: sha256('{"name":"é"}') } })).toEqual(expect.objectContaining({ ok: true, access: AK }));
    expect(verify({ ...r, body: { sha256Hex: sha256('{"name":"e"}') } })).toEqual(mismatch);
    // the empty body, by hash and by bytes: the same canonical request
    const byHash = verify({ ...r, body: { sha256Hex: sha256('') } });
    expect(byHash).toEqual(mismatch);
    expect(byHash).toEqual(verify({ ...r, body: new Uint8Array(0) }));
  });

  it('ignores an unsigned X-Sdk-Content-Sha256 and hashes the body', () => {
    const r = received();
    expect(verify(withHeaders(r, { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' })).ok).toBe(true);
    expect(verify(withHeaders({ ...r, body: new Uint8Array([1]) }, { 'x-sdk-content-sha256': 'UNSIGNED-PAYLOAD' }))).toEqual(mismatch);
  });

  it('V11-HMAC-SHA256: accepts what signRequest signed and names its scope; the other algorithms name none', () => {
    expect(verify(received({ algorithm: V11_HMAC_SHA256 }))).toEqual({
      ok: true,
      access: AK,
      canonicalRequest: expect.any(String),
      algorithm: 'V11-HMAC-SHA256',
      scope: '20240102/cn-north-4/ecs',
    });
    for (const r of [received(), received({ algorithm: SDK_HMAC_SM3 })]) {
      const result = verify(r);
      expect(result.ok).toBe(true);
      expect(result).not.toHaveProperty('scope');
    }
  });

  it("V11-HMAC-SHA256: a scope of another day than X-Sdk-Date's is refused before the signature is checked", () => {
    const r = withHeaders(received({ algorithm: V11_HMAC_SHA256 }), { 'x-sdk-date': '20240103T030405Z' });
    expect(verify(r)).toEqual({
      ok: false,
      reason: 'scope-date-mismatch',
      detail: "credential scope 20240102/cn-north-4/ecs is not of the X-Sdk-Date's day",
    });
  });

  it('SDK-HMAC-SM3 needs the body bytes or their SM3 digest: a SHA-256 digest alone is a caller error', () => {
    const r = received({ algorithm: SDK_HMAC_SM3 });
    expect(verify(r).ok).toBe(true);
    expect(() => verify({ ...r, body: { sha256Hex: sha256('{"name":"é"}') } })).toThrow(
      'verifySignature: an SDK-HMAC-SM3 request needs the body bytes or their SM3 digest',
    );
  });
});
