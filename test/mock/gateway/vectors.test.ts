import { createHash } from 'node:crypto';
import { parseSdkDate } from '../../../src/core';
import { startMockCloud, type MockCloud } from '../../../src/mock';
import { loadPublishedVectors } from '../../vectors/published';
import { send } from '../client';

/**
 * The official signatures replayed against the mock byte for byte: accepted as published, and every tampering
 * refused with APIGW.0301 and the server's canonical request, which is written out here by hand from the spec.
 */
const vectors = loadPublishedVectors();
const guide = vectors.find((v) => v.name === 'guide example')!;
const go2 = vectors.find((v) => v.name === 'go sdk signer_test testParam2')!;

const PROJECT = '77b6a44cba5143ab91d13ab9a8ff44fd';
const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const PREFIX = 'Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:';

/** The guide example's canonical request (rules 3-7), with one line replaceable for the tampered variants. */
function guideCanonical(over: Partial<Record<'uri' | 'query' | 'contentType' | 'date' | 'hash', string>> = {}): string {
  return [
    'GET',
    over.uri ?? `/v1/${PROJECT}/vpcs/`,
    over.query ?? 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
    `content-type:${over.contentType ?? 'application/json'}`,
    'host:service.region.example.com',
    `x-sdk-date:${over.date ?? '20191115T033655Z'}`,
    '',
    'content-type;host;x-sdk-date',
    over.hash ?? EMPTY,
  ].join('\n');
}

function guideRequest(over: { target?: string; headers?: Record<string, string>; body?: string } = {}) {
  return {
    method: 'GET',
    target: over.target ?? `/v1/${PROJECT}/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0`,
    headers: {
      'Content-Type': 'application/json',
      Host: 'service.region.example.com',
      'X-Sdk-Date': guide.sdkDate,
      Authorization: guide.authorization as string,
      ...over.headers,
    },
    ...(over.body !== undefined ? { body: over.body } : {}),
  };
}

let cloud: MockCloud;
beforeAll(async () => {
  cloud = await startMockCloud({
    quiet: true,
    now: () => parseSdkDate(guide.sdkDate)!,
    extraKeys: { [guide.ak]: guide.sk },
  });
});
afterAll(() => cloud.close());
// Each tampered request is a signature failure of the guide's AK; 5 in a row would lock it (as on the real gateway).
beforeEach(() => send(cloud, { method: 'POST', target: '/__mock/reset' }));

describe('the guide example against the mock gateway', () => {
  it('my hand-written canonical request is the one the guide hashes', () => {
    expect(createHash('sha256').update(guideCanonical()).digest('hex')).toBe(guide.canonicalRequestSha256);
  });

  it('is accepted as published', async () => {
    const res = await send(cloud, guideRequest());
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      ok: true,
      auth: 'aksk',
      method: 'GET',
      path: `/v1/${PROJECT}/vpcs`,
      query: 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
      access: guide.ak,
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
      canonicalRequest: guideCanonical(),
      projectId: PROJECT,
      bodySha256: EMPTY,
      bodyLength: 0,
    });
  });

  it('accepts what the spec says is the same canonical request: trailing slash, reordered query', async () => {
    expect((await send(cloud, guideRequest({ target: `/v1/${PROJECT}/vpcs/?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0` }))).status).toBe(200);
    expect((await send(cloud, guideRequest({ target: `/v1/${PROJECT}/vpcs?marker=13551d6b-755d-4757-b956-536f674975c0&limit=2` }))).status).toBe(200);
  });

  const tampered: Array<[string, Parameters<typeof guideRequest>[0], Parameters<typeof guideCanonical>[0]]> = [
    ['query', { target: `/v1/${PROJECT}/vpcs?limit=3&marker=13551d6b-755d-4757-b956-536f674975c0` }, { query: 'limit=3&marker=13551d6b-755d-4757-b956-536f674975c0' }],
    ['path', { target: `/v1/${PROJECT}/subnets?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0` }, { uri: `/v1/${PROJECT}/subnets/` }],
    ['header', { headers: { 'Content-Type': 'application/json;charset=UTF-8' } }, { contentType: 'application/json;charset=UTF-8' }],
    ['date', { headers: { 'X-Sdk-Date': '20191115T033656Z' } }, { date: '20191115T033656Z' }],
    ['body', { body: 'x' }, { hash: '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881' }],
  ];
  it.each(tampered)('tampered %s: 401 APIGW.0301 with the canonical request echoed', async (_what, change, expected) => {
    const res = await send(cloud, guideRequest(change));
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
    expect(res.json.error_msg).toBe(PREFIX + guideCanonical(expected).replace(/\n/g, '|'));
    expect(res.json.request_id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sha256("x") used above is the real one', () => {
    expect(createHash('sha256').update('x').digest('hex')).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
  });

  it('a tampered signature is refused', async () => {
    const auth = (guide.authorization as string).replace(/.$/, (c) => (c === '0' ? '1' : '0'));
    const res = await send(cloud, guideRequest({ headers: { Authorization: auth } }));
    expect(res.status).toBe(401);
    expect(res.json.error_msg).toBe(PREFIX + guideCanonical().replace(/\n/g, '|'));
  });
});

describe("the Go SDK's POST vector (only x-sdk-date signed, body with a trailing newline)", () => {
  let goCloud: MockCloud;
  beforeAll(async () => {
    goCloud = await startMockCloud({ quiet: true, now: () => parseSdkDate(go2.sdkDate)!, extraKeys: { [go2.ak]: go2.sk } });
  });
  afterAll(() => goCloud.close());

  it('is accepted, and the mock rebuilt the published canonical request', async () => {
    const res = await send(goCloud, {
      method: 'POST',
      target: '/path?key=value',
      headers: { 'X-Sdk-Date': go2.sdkDate, Authorization: go2.authorization as string },
      body: go2.body!,
    });
    expect(res.status).toBe(200);
    expect(res.json.canonicalRequest).toBe(go2.canonicalRequest);
    expect(res.json.bodyLength).toBe(Buffer.byteLength(go2.body!));
  });

  it('the same body without its trailing newline is refused', async () => {
    const res = await send(goCloud, {
      method: 'POST',
      target: '/path?key=value',
      headers: { 'X-Sdk-Date': go2.sdkDate, Authorization: go2.authorization as string },
      body: go2.body!.trimEnd(),
    });
    expect(res.status).toBe(401);
    const hash = createHash('sha256').update(go2.body!.trimEnd()).digest('hex');
    expect(res.json.error_msg).toBe(`${PREFIX}POST|/path/|key=value|x-sdk-date:${go2.sdkDate}||x-sdk-date|${hash}`);
  });
});

describe('keys the mock was not given', () => {
  it('the guide AK is unknown to a mock started without extraKeys', async () => {
    const plain = await startMockCloud({ quiet: true, now: () => parseSdkDate(guide.sdkDate)! });
    try {
      const res = await send(plain, guideRequest());
      expect(res.status).toBe(401);
      expect(res.json).toMatchObject({ error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: ak not exist' });
    } finally {
      await plain.close();
    }
  });
});
