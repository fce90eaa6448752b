import { signRequest, type SignInput, type SigningCredentials } from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { hmacSha256, sha256 } from './reference';

const DATE = '20240102T030405Z';
const AK = 'HPUAEXAMPLEAK0000001';
const SK = 'ExampleSecretKey0000000000000000000000001';
const sign = (input: SignInput, creds: Partial<SigningCredentials> = {}, sdkDate = DATE) =>
  signRequest(input, { ak: AK, sk: SK, ...creds }, { sdkDate, crypto: nodeCrypto });

/** Expected signature and header, from a hand-written canonical request, by node:crypto directly. */
function expectedAuthorization(cr: string, signedHeaders: string, date = DATE): string {
  const sig = hmacSha256(SK, `SDK-HMAC-SHA256\n${date}\n${sha256(cr)}`);
  return `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=${signedHeaders}, Signature=${sig}`;
}

describe('signRequest', () => {
  it('signs a POST with credential headers: every intermediate checked against a hand-written canonical request', () => {
    const body = '{"server":{"name":"é"}}';
    const r = sign(
      { method: 'post', url: 'https://ecs.cn-north-4.myhuaweicloud.com/v1/0123/cloudservers?name=a%20b&limit=10&limit=2', headers: [['Content-Type', 'application/json;charset=UTF-8']], body },
      { projectId: '0123', securityToken: 'tok+/=', domainId: 'dom1' },
    );
    const cr = [
      'POST',
      '/v1/0123/cloudservers/',
      'limit=10&limit=2&name=a%20b',
      'content-type:application/json;charset=UTF-8\n' +
        'host:ecs.cn-north-4.myhuaweicloud.com\n' +
        'x-domain-id:dom1\n' +
        'x-project-id:0123\n' +
        `x-sdk-date:${DATE}\n` +
        'x-security-token:tok+/=\n',
      'content-type;host;x-domain-id;x-project-id;x-sdk-date;x-security-token',
      sha256(Buffer.from(body, 'utf8')),
    ].join('\n');
    expect(r.canonicalRequest).toBe(cr);
    expect(r.payloadHash).toBe(sha256(Buffer.from(body, 'utf8')));
    expect(r.signedHeaders).toBe('content-type;host;x-domain-id;x-project-id;x-sdk-date;x-security-token');
    expect(r.stringToSign).toBe(`SDK-HMAC-SHA256\n${DATE}\n${sha256(cr)}`);
    expect(r.signature).toBe(hmacSha256(SK, r.stringToSign));
    expect(r.authorization).toBe(expectedAuthorization(cr, r.signedHeaders));
    expect(r.headers).toEqual([
      ['Host', 'ecs.cn-north-4.myhuaweicloud.com'],
      ['X-Sdk-Date', DATE],
      ['X-Project-Id', '0123'],
      ['X-Domain-Id', 'dom1'],
      ['X-Security-Token', 'tok+/='],
      ['Authorization', r.authorization],
    ]);
  });

  it('signs a bare GET: empty path is /, no query is an empty line, empty body hash', () => {
    const r = sign({ method: 'GET', url: 'https://iam.myhuaweicloud.com' });
    const cr = `GET\n/\n\nhost:iam.myhuaweicloud.com\nx-sdk-date:${DATE}\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`;
    expect(r.canonicalRequest).toBe(cr);
    expect(r.authorization).toBe(expectedAuthorization(cr, 'host;x-sdk-date'));
  });

  it('canonicalizes path and query from the wire URL (decode, encode, trailing slash, sort, name=)', () => {
    const r = sign({ method: 'GET', url: 'https://h.example.com/v1/a%2Fb//c d*~?b&a=x+y&A=%7e' });
    const [, uri, query] = r.canonicalRequest.split('\n');
    expect(uri).toBe('/v1/a/b//c%20d%2A~/');
    expect(query).toBe('A=~&a=x%2By&b=');
  });

  it('uses the URL port in Host, and a given Host header instead of the URL', () => {
    expect(sign({ method: 'GET', url: 'https://h.example.com:443/' }).canonicalRequest).toContain('\nhost:h.example.com:443\n');
    const r = sign({ method: 'GET', url: 'http://127.0.0.1:3000/', headers: [['host', 'gw.example.com']] });
    expect(r.canonicalRequest).toContain('\nhost:gw.example.com\n');
    expect(r.headers.map(([n]) => n)).toEqual(['X-Sdk-Date', 'Authorization']);
  });

  it('replaces stale signer-owned headers instead of signing them twice', () => {
    const r = sign(
      {
        method: 'GET',
        url: 'https://h.example.com/',
        headers: [
          ['Authorization', 'SDK-HMAC-SHA256 Access=OLD, SignedHeaders=host, Signature=00'],
          ['x-sdk-date', '19990101T000000Z'],
          ['X-PROJECT-ID', 'stale'],
          ['X-Security-Token', 'stale'],
          ['X-Sdk-Content-Sha256', 'stale'],
        ],
      },
      { projectId: 'p1' },
    );
    expect(r.canonicalRequest).toBe(
      `GET\n/\n\nhost:h.example.com\nx-project-id:p1\nx-sdk-date:${DATE}\n\nhost;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
    );
  });

  it('recognises a given Host and stale signer headers whatever their case and surrounding whitespace', () => {
    const r = sign(
      {
        method: 'GET',
        url: 'http://127.0.0.1:3000/',
        headers: [
          [' HOST\t', 'gw.example.com'],
          [' X-Sdk-Date ', '19990101T000000Z'],
          ['\tx-domain-id', 'stale'],
          ['AUTHORIZATION ', 'stale'],
        ],
      },
      { domainId: 'd1' },
    );
    expect(r.canonicalRequest).toBe(
      `GET\n/\n\nhost:gw.example.com\nx-domain-id:d1\nx-sdk-date:${DATE}\n\nhost;x-domain-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`,
    );
    expect(r.headers.map(([n]) => n)).toEqual(['X-Sdk-Date', 'X-Domain-Id', 'Authorization']);
  });

  it('signs X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD and uses it as the payload hash', () => {
    const r = sign({ method: 'PUT', url: 'https://obs.example.com/o', body: 'big', unsignedPayload: true });
    const cr = `PUT\n/o/\n\nhost:obs.example.com\nx-sdk-content-sha256:UNSIGNED-PAYLOAD\nx-sdk-date:${DATE}\n\nhost;x-sdk-content-sha256;x-sdk-date\nUNSIGNED-PAYLOAD`;
    expect(r.canonicalRequest).toBe(cr);
    expect(r.payloadHash).toBe('UNSIGNED-PAYLOAD');
    expect(r.headers).toContainEqual(['X-Sdk-Content-Sha256', 'UNSIGNED-PAYLOAD']);
    expect(r.authorization).toBe(expectedAuthorization(cr, 'host;x-sdk-content-sha256;x-sdk-date'));
  });

  it('trims header values it signs', () => {
    expect(sign({ method: 'GET', url: 'https://h/', headers: [['X-A', '  v  ']] }).canonicalRequest).toContain('\nx-a:v\n');
  });

  it('never signs a user Authorization header', () => {
    expect(sign({ method: 'GET', url: 'https://h/', headers: [['authorization', 'x']] }).signedHeaders).toBe('host;x-sdk-date');
  });

  it('hashes a Uint8Array body byte for byte', () => {
    const body = new Uint8Array([0, 255, 10]);
    expect(sign({ method: 'POST', url: 'https://h/', body }).payloadHash).toBe(sha256(body));
  });

  it("uses the host after the user info's last '@' (a password holding '@')", () => {
    const r = sign({ method: 'GET', url: 'http://user:p@ss@127.0.0.1:8080/v1/a' });
    expect(r.headers[0]).toEqual(['Host', '127.0.0.1:8080']);
    expect(r.canonicalRequest).toContain('\nhost:127.0.0.1:8080\n');
  });

  it('keeps percent escapes that are not UTF-8 as their bytes (Go signer), in path and query', () => {
    const r = sign({ method: 'GET', url: 'https://h.example.com/caf%E9/%ff?q=caf%e9&r=%FF' });
    const cr = `GET\n/caf%E9/%FF/\nq=caf%E9&r=%FF\nhost:h.example.com\nx-sdk-date:${DATE}\n\nhost;x-sdk-date\n${sha256('')}`;
    expect(r.canonicalRequest).toBe(cr);
    expect(r.authorization).toBe(expectedAuthorization(cr, 'host;x-sdk-date'));
  });

  it("headerEncoding 'latin1': hashes header values as the bytes Node sends (é is E9); refuses a character Node cannot send", () => {
    const input: SignInput = { method: 'GET', url: 'https://h.example.com/', headers: [['X-Name', 'café']] };
    const latin1 = signRequest(input, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto, headerEncoding: 'latin1' });
    const cr = `GET\n/\n\nhost:h.example.com\nx-name:café\nx-sdk-date:${DATE}\n\nhost;x-name;x-sdk-date\n${sha256('')}`;
    expect(latin1.canonicalRequest).toBe(cr);
    expect(latin1.stringToSign).toBe(`SDK-HMAC-SHA256\n${DATE}\n${sha256(Buffer.from(cr, 'latin1'))}`);
    expect(latin1.signature).toBe(hmacSha256(SK, latin1.stringToSign));
    // The default is UTF-8 (é is C3 A9), as a Go client or curl sends a UTF-8 string.
    const utf8 = sign(input);
    expect(utf8.canonicalRequest).toBe(cr);
    expect(utf8.stringToSign).toBe(`SDK-HMAC-SHA256\n${DATE}\n${sha256(Buffer.from(cr, 'utf8'))}`);
    expect(utf8.signature).not.toBe(latin1.signature);
    expect(() => signRequest({ ...input, headers: [['X-Name', '€']] }, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto, headerEncoding: 'latin1' })).toThrow(RangeError);
  });

  it('uses a payload hash the caller computed instead of hashing the body (and UNSIGNED-PAYLOAD still wins)', () => {
    const given = sha256('what the caller hashed');
    const r = sign({ method: 'POST', url: 'https://h/', body: 'not hashed', payloadHash: given });
    expect(r.payloadHash).toBe(given);
    expect(r.canonicalRequest.endsWith('\n' + given)).toBe(true);
    const calls: unknown[] = [];
    const spy = { ...nodeCrypto, sha256Hex: (d: Uint8Array | string) => (calls.push(d), nodeCrypto.sha256Hex(d)) };
    signRequest({ method: 'POST', url: 'https://h/', body: 'not hashed', payloadHash: given }, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: spy });
    expect(calls).not.toContain('not hashed');
    expect(sign({ method: 'PUT', url: 'https://h/', body: 'x', unsignedPayload: true, payloadHash: given }).payloadHash).toBe('UNSIGNED-PAYLOAD');
  });

  it('throws on a missing AK or SK, an invalid X-Sdk-Date, a duplicate header, a bad URL', () => {
    expect(() => signRequest({ method: 'GET', url: 'https://h/' }, { ak: '', sk: SK }, { sdkDate: DATE, crypto: nodeCrypto })).toThrow(/AK and SK/);
    expect(() => signRequest({ method: 'GET', url: 'https://h/' }, { ak: AK, sk: '' }, { sdkDate: DATE, crypto: nodeCrypto })).toThrow(/AK and SK/);
    for (const bad of ['2024-01-02T03:04:05Z', '20240230T000000Z', '20240102T030405', '']) {
      expect(() => sign({ method: 'GET', url: 'https://h/' }, {}, bad)).toThrow(/X-Sdk-Date/);
    }
    expect(() => sign({ method: 'GET', url: 'https://h/', headers: [['X-A', '1'], ['x-a', '2']] })).toThrow(/twice/);
    expect(() => sign({ method: 'GET', url: '/relative' })).toThrow(/absolute/);
    expect(() => signRequest({ method: 'GET', url: 'https://h/' }, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto, algorithm: 'V11-HMAC-SHA256' })).toThrow(
      'V11-HMAC-SHA256 needs a region id and a service name',
    );
  });

  it('never puts the SK in its output', () => {
    const r = sign({ method: 'GET', url: 'https://h/' });
    expect(JSON.stringify(r)).not.toContain(SK);
  });

  it('puts the X-Sdk-Date into the signature', () => {
    const a = sign({ method: 'GET', url: 'https://h/' });
    const b = sign({ method: 'GET', url: 'https://h/' }, {}, '20240102T030406Z');
    expect(a.signature).not.toBe(b.signature);
  });
});
