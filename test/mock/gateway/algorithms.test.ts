import { createHash } from 'node:crypto';
import { MOCK_AKSK } from '../../../src/mock';
import { send, sendSigned, mockCloudForFile } from '../client';

/** The gateway verifies V11-HMAC-SHA256 and SDK-HMAC-SM3 signatures as it does SDK-HMAC-SHA256 ones. */
const START = Date.UTC(2024, 0, 2, 3, 4, 5); // 20240102T030405Z
const mock = mockCloudForFile(START);
const V11 = { algorithm: 'V11-HMAC-SHA256', derivation: { regionId: 'cn-north-4', service: 'iam' } } as const;
const SM3 = { algorithm: 'SDK-HMAC-SM3' } as const;
const body = JSON.stringify({ user: { name: 'ü-user' } });

describe.each([
  ['V11-HMAC-SHA256', V11],
  ['SDK-HMAC-SM3', SM3],
] as const)('%s', (algorithm, scheme) => {
  it('a signed POST is accepted; the echo names the algorithm', async () => {
    const { signed, response } = sendSigned(mock.cloud, {
      method: 'POST', target: '/v3/users?x=1', headers: { 'Content-Type': 'application/json' }, body, at: START, scheme,
    });
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, auth: 'aksk', access: MOCK_AKSK.ak, algorithm, canonicalRequest: signed.canonicalRequest });
    const payload = createHash(algorithm === 'SDK-HMAC-SM3' ? 'sm3' : 'sha256').update(body).digest('hex');
    expect(signed.canonicalRequest.endsWith('\n' + payload)).toBe(true);
  });

  it('a wrong SK gets APIGW.0301 with the canonical request echoed', async () => {
    const { signed, response } = sendSigned(mock.cloud, {
      target: '/v3/users', at: START, scheme, credentials: { ak: MOCK_AKSK.ak, sk: 'not-the-secret-key-000000000000000000000' },
    });
    const res = await response;
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
    expect(res.json.error_msg).toContain('verify aksk signature fail, canonicalRequest:' + signed.canonicalRequest.replace(/\n/g, '|'));
  });
});

describe('V11-HMAC-SHA256 scope', () => {
  it("is refused when it does not name the X-Sdk-Date's day", async () => {
    const late = Date.UTC(2024, 0, 2, 23, 59, 0);
    mock.clock.set(Date.UTC(2024, 0, 3, 0, 5, 0));
    const { signed: signedLate } = sendSigned(mock.cloud, { target: '/v3/users', at: late, scheme: V11 });
    const moved = Object.fromEntries(signedLate.headers);
    moved['Authorization'] = moved['Authorization']!.replace('/20240102/', '/20240103/');
    const res = await send(mock.cloud, { target: '/v3/users', headers: moved });
    expect(res.status).toBe(401);
    expect(res.json.error_msg).toContain("credential scope 20240103/cn-north-4/iam is not of the X-Sdk-Date's day");
  });
});
