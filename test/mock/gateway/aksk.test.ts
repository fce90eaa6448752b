import { createHash } from 'node:crypto';
import { formatSdkDate } from '../../../src/core';
import { MOCK_AKSK, MOCK_PROJECTS } from '../../../src/mock';
import { send, sendSigned, setFaults, stats, mockCloudForFile } from '../client';

/** The gateway's AK/SK policy with the fixture key: clock window, unknown keys, body limit, project headers. */
const START = Date.UTC(2024, 0, 2, 3, 4, 5); // 20240102T030405Z
const [CN, AP] = MOCK_PROJECTS;
const IAM = 'Incorrect IAM authentication information: ';
const mock = mockCloudForFile(START);
const { clock } = mock;

describe('signed with the fixture key', () => {
  it('a GET is accepted and echoed', async () => {
    const { signed, response } = sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs?limit=10`, headers: { 'Content-Type': 'application/json' }, at: START });
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      ok: true,
      auth: 'aksk',
      method: 'GET',
      path: `/v1/${CN.id}/vpcs`,
      query: 'limit=10',
      access: MOCK_AKSK.ak,
      temporary: false,
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
      canonicalRequest: signed.canonicalRequest,
      projectId: CN.id,
    });
  });

  it('a POST body is hashed as received', async () => {
    const body = JSON.stringify({ vpc: { name: 'vpc-ü', cidr: '192.168.0.0/16' } });
    const res = await sendSigned(mock.cloud, { method: 'POST', target: `/v1/${CN.id}/vpcs`, headers: { 'Content-Type': 'application/json' }, body, at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json.bodySha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(res.json.bodyLength).toBe(Buffer.byteLength(body));
  });

  it('UNSIGNED-PAYLOAD is honoured (the header is signed, the body is not)', async () => {
    const res = await sendSigned(mock.cloud, { method: 'PUT', target: '/v1/objects/a', body: 'anything', unsignedPayload: true, at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json.signedHeaders).toContain('x-sdk-content-sha256');
    expect(res.json.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
  });

  it('keeps the raw target: encoded characters, repeated and empty query values', async () => {
    const target = '/v1/a%20b/%E4%B8%AD*/?tag=x&tag=a&empty=&flag';
    const res = await sendSigned(mock.cloud, { target, at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json.path).toBe('/v1/a%20b/%E4%B8%AD*/');
    expect(res.json.query).toBe('tag=x&tag=a&empty=&flag');
    // Rules 4 and 5 by hand: '*' becomes %2A, pairs sorted by name then value, '=' always present.
    expect(res.json.canonicalRequest.split('\n').slice(1, 3)).toEqual(['/v1/a%20b/%E4%B8%AD%2A/', 'empty=&flag=&tag=a&tag=x']);
  });

  it('hashes header values as the bytes received: café sent by Node (E9) matches a Latin-1 signature only', async () => {
    const target = `/v1/${CN.id}/vpcs`;
    // node:http writes the string as Latin-1: 63 61 66 E9 on the wire.
    const latin1 = await sendSigned(mock.cloud, { target, headers: { 'X-Name': 'café' }, headerEncoding: 'latin1', at: START }).response;
    expect(latin1.status).toBe(200);
    const utf8 = await sendSigned(mock.cloud, { target, headers: { 'X-Name': 'café' }, at: START }).response;
    expect([utf8.status, utf8.json.error_code]).toEqual([401, 'APIGW.0301']);
  });

  it('a client that sends UTF-8 header bytes (curl, Go) matches a UTF-8 signature', async () => {
    const target = `/v1/${CN.id}/vpcs`;
    const { signed, response } = sendSigned(mock.cloud, { target, headers: { 'X-Name': 'café' }, at: START });
    expect((await response).status).toBe(401); // sent by node:http, so as Latin-1: not what was signed
    // The same signed headers, with X-Name written as its UTF-8 bytes (C3 A9), as curl or Go would send it.
    const headers: Record<string, string> = Object.fromEntries(signed.headers);
    headers['X-Name'] = Buffer.from('café', 'utf8').toString('latin1');
    const res = await send(mock.cloud, { target, headers });
    expect(res.status).toBe(200);
  });

  it('keeps escapes that are not UTF-8 as their bytes in the canonical request (%E9, %FF)', async () => {
    const res = await sendSigned(mock.cloud, { target: '/v1/caf%E9?q=%ff', at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json.canonicalRequest.split('\n').slice(1, 3)).toEqual(['/v1/caf%E9/', 'q=%FF']);
  });

  it('a wrong SK is refused with the canonical request', async () => {
    const res = await sendSigned(mock.cloud, { target: '/v1/x', at: START, credentials: { ak: MOCK_AKSK.ak, sk: 'not-the-secret' } }).response;
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
    expect(res.json.error_msg).toBe(
      `${IAM}verify aksk signature fail, canonicalRequest:GET|/v1/x/||host:127.0.0.1:${mock.cloud.port}|x-sdk-date:20240102T030405Z||host;x-sdk-date|` +
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it('an unknown AK: ak not exist', async () => {
    const res = await sendSigned(mock.cloud, { target: '/v1/x', at: START, credentials: { ak: 'UNKNOWNAK00000000000', sk: 'x' } }).response;
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0301', error_msg: `${IAM}ak not exist` });
  });

  it('a signed header that does not arrive is refused', async () => {
    const { signed } = sendSigned(mock.cloud, { target: '/v1/x', headers: { 'X-Custom': 'v' }, at: START });
    const headers = Object.fromEntries(signed.headers);
    const res = await send(mock.cloud, { target: '/v1/x', headers });
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
    expect(res.json.error_msg).toContain('x-custom');
  });

  it('no credentials at all: Authorization not found', async () => {
    const res = await send(mock.cloud, { target: `/v1/${CN.id}/vpcs` });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0301', error_msg: `${IAM}Authorization not found.` });
  });

  it('another algorithm, or a malformed Authorization, is refused', async () => {
    for (const authorization of ['V11-HMAC-SHA256 Credential=AK/20240102/r/s, SignedHeaders=x-sdk-date, Signature=00', 'Basic dXNlcjpwYXNz']) {
      const res = await send(mock.cloud, { target: '/v1/x', headers: { Authorization: authorization, 'X-Sdk-Date': '20240102T030405Z' } });
      expect(res.status).toBe(401);
      expect(res.json.error_code).toBe('APIGW.0301');
    }
  });
});

describe('the 15-minute window on X-Sdk-Date', () => {
  const FIFTEEN = 15 * 60 * 1000;

  it.each([
    ['exactly 15 minutes old', -FIFTEEN, 200],
    ['exactly 15 minutes ahead', FIFTEEN, 200],
    ['15 minutes and 1 second old', -FIFTEEN - 1000, 401],
    ['15 minutes and 1 second ahead', FIFTEEN + 1000, 401],
  ])('%s: %d', async (_name, offset, status) => {
    const res = await sendSigned(mock.cloud, { target: '/v1/x', at: START + offset }).response;
    expect(res.status).toBe(status);
  });

  it('says signature expired with both times', async () => {
    const res = await sendSigned(mock.cloud, { target: '/v1/x', at: START - 16 * 60 * 1000 }).response;
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error_code: 'APIGW.0301',
      error_msg: `${IAM}signature expired, signature time:20240102T024805Z, server time:20240102T030405Z`,
    });
  });

  it('follows the mock clock and the clockOffsetSeconds fault', async () => {
    clock.advance(20 * 60 * 1000);
    expect((await sendSigned(mock.cloud, { target: '/v1/x', at: START }).response).status).toBe(401);
    expect((await sendSigned(mock.cloud, { target: '/v1/x', at: clock.now() }).response).status).toBe(200);
    await setFaults(mock.cloud, { clockOffsetSeconds: -3600 });
    const res = await sendSigned(mock.cloud, { target: '/v1/x', at: clock.now() }).response;
    expect(res.json.error_msg).toBe(`${IAM}signature expired, signature time:${formatSdkDate(clock.now())}, server time:20240102T022405Z`);
  });

  it('an X-Sdk-Date that is not YYYYMMDDTHHMMSSZ is refused', async () => {
    const { signed } = sendSigned(mock.cloud, { target: '/v1/x', at: START });
    const headers = { ...Object.fromEntries(signed.headers), 'X-Sdk-Date': '2024-01-02T03:04:05Z' };
    const res = await send(mock.cloud, { target: '/v1/x', headers });
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
  });
});

describe('the 12 MB limit on AK/SK-signed bodies', () => {
  const MB12 = 12 * 1024 * 1024;

  it('12 MB exactly is accepted', async () => {
    const body = Buffer.alloc(MB12, 0x61);
    const res = await sendSigned(mock.cloud, { method: 'PUT', target: '/v1/objects/big', body, at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json.bodyLength).toBe(MB12);
    expect(res.json.bodySha256).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('one byte more is 413 APIG.0201', async () => {
    const res = await sendSigned(mock.cloud, { method: 'PUT', target: '/v1/objects/big', body: Buffer.alloc(MB12 + 1, 0x61), at: START }).response;
    expect(res.status).toBe(413);
    expect(res.json).toMatchObject({ error_code: 'APIG.0201', error_msg: 'Request entity too large.' });
    const { verdicts } = await stats(mock.cloud);
    expect(verdicts).toEqual([{ method: 'PUT', path: '/v1/objects/big', auth: 'aksk', ok: false, status: 413, code: 'APIG.0201' }]);
  });
});

describe('X-Project-Id against the project in the path', () => {
  it('agreeing: accepted, projectId echoed', async () => {
    const res = await sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs`, credentials: { ...MOCK_AKSK, projectId: CN.id }, at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json.projectId).toBe(CN.id);
    expect(res.json.signedHeaders).toContain('x-project-id');
  });

  it('only the header: projectId from the header', async () => {
    const res = await sendSigned(mock.cloud, { target: '/v2/servers', credentials: { ...MOCK_AKSK, projectId: AP.id }, at: START }).response;
    expect(res.json.projectId).toBe(AP.id);
  });

  it('neither: projectId null', async () => {
    const res = await sendSigned(mock.cloud, { target: '/v3/global', at: START }).response;
    expect(res.json.projectId).toBeNull();
  });

  it('differing: 400 APIG.0201', async () => {
    const res = await sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs`, credentials: { ...MOCK_AKSK, projectId: AP.id }, at: START }).response;
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe('APIG.0201');
    expect(res.json.error_msg).toContain(AP.id);
    expect(res.json.error_msg).toContain(CN.id);
  });
});
