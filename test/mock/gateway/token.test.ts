import { MOCK_ACCOUNT, MOCK_PROJECTS } from '../../../src/mock';
import { issueToken, send, setFaults, stats, mockCloudForFile } from '../client';

/** X-Auth-Token at the gateway: issued here, unexpired, scoped to the project it calls. */
const START = Date.UTC(2024, 5, 1, 12, 0, 0);
const [CN, AP] = MOCK_PROJECTS;
const mock = mockCloudForFile(START);
const { clock } = mock;

const call = (token: string, target = `/v1/${CN.id}/vpcs?limit=1`, headers: Record<string, string> = {}) =>
  send(mock.cloud, { target, headers: { 'X-Auth-Token': token, ...headers } });

describe('a project-scoped token', () => {
  it('is accepted (a >8 KB header) and echoed', async () => {
    const token = await issueToken(mock.cloud);
    expect(token.length).toBeGreaterThan(8192);
    const res = await send(mock.cloud, { method: 'POST', target: `/v1/${CN.id}/vpcs`, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      ok: true,
      auth: 'token',
      method: 'POST',
      path: `/v1/${CN.id}/vpcs`,
      query: '',
      projectId: CN.id,
      user: MOCK_ACCOUNT.user.name,
      bodySha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
      bodyLength: 2,
    });
    expect(res.json.signedHeaders).toBeUndefined();
  });

  it('on a path without a project id: projectId from the token', async () => {
    const res = await call(await issueToken(mock.cloud), '/v3/global/thing');
    expect(res.status).toBe(200);
    expect(res.json.projectId).toBe(CN.id);
  });

  it('for another project in the path: 403 APIG.0302', async () => {
    const res = await call(await issueToken(mock.cloud), `/v1/${AP.id}/vpcs`);
    expect(res.status).toBe(403);
    expect(res.json.error_code).toBe('APIG.0302');
  });

  it('with X-Project-Id of another project: 403 APIG.0302', async () => {
    const res = await call(await issueToken(mock.cloud), '/v2/servers', { 'X-Project-Id': AP.id });
    expect(res.status).toBe(403);
    expect(res.json.error_code).toBe('APIG.0302');
  });

  it('X-Project-Id and the path disagreeing: 400 APIG.0201 (checked first)', async () => {
    const res = await call(await issueToken(mock.cloud), `/v1/${CN.id}/vpcs`, { 'X-Project-Id': AP.id });
    expect(res.status).toBe(400);
    expect(res.json.error_code).toBe('APIG.0201');
  });
});

describe('a domain-scoped token', () => {
  it('serves global paths, not paths naming a project (403 APIG.0302)', async () => {
    const token = await issueToken(mock.cloud, { domain: { name: MOCK_ACCOUNT.domainName } });
    const global = await call(token, '/v2/dns/zones');
    expect(global.status).toBe(200);
    expect(global.json.projectId).toBeNull();
    const scoped = await call(token, `/v1/${CN.id}/vpcs`);
    expect(scoped.status).toBe(403);
    expect(scoped.json.error_code).toBe('APIG.0302');
  });
});

describe('tokens the gateway refuses with 401 APIG.0307', () => {
  it('one this mock did not issue', async () => {
    const res = await call('MII' + 'A'.repeat(9000));
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error_code: 'APIG.0307', error_msg: 'The token must be updated.' });
  });

  it('one past its 24 h', async () => {
    const token = await issueToken(mock.cloud);
    clock.advance(24 * 3600 * 1000 - 1);
    expect((await call(token)).status).toBe(200);
    clock.advance(1);
    expect((await call(token)).json.error_code).toBe('APIG.0307');
  });

  it('one past a short tokenTtlSeconds', async () => {
    await setFaults(mock.cloud, { tokenTtlSeconds: 60 });
    const token = await issueToken(mock.cloud);
    clock.advance(59_000);
    expect((await call(token)).status).toBe(200);
    clock.advance(1_000);
    expect((await call(token)).status).toBe(401);
  });

  it('one issued before /__mock/reset', async () => {
    const token = await issueToken(mock.cloud);
    await send(mock.cloud, { method: 'POST', target: '/__mock/reset' });
    expect((await call(token)).status).toBe(401);
  });

  it('each verdict is recorded', async () => {
    const token = await issueToken(mock.cloud);
    await call(token);
    await call('MIIbogus');
    await send(mock.cloud, { target: '/v1/x' });
    const s = await stats(mock.cloud);
    expect(s.gatewayRequests).toBe(3);
    expect(s.verdicts).toEqual([
      { method: 'GET', path: `/v1/${CN.id}/vpcs`, auth: 'token', ok: true, status: 200 },
      { method: 'GET', path: `/v1/${CN.id}/vpcs`, auth: 'token', ok: false, status: 401, code: 'APIG.0307' },
      { method: 'GET', path: '/v1/x', auth: 'none', ok: false, status: 401, code: 'APIGW.0301' },
    ]);
  });
});

describe('token bodies are not limited to 12 MB', () => {
  it('13 MB with a token is accepted', async () => {
    const token = await issueToken(mock.cloud);
    const res = await send(mock.cloud, { method: 'PUT', target: '/v1/objects/huge', headers: { 'X-Auth-Token': token }, body: Buffer.alloc(13 * 1024 * 1024) });
    expect(res.status).toBe(200);
    expect(res.json.bodyLength).toBe(13 * 1024 * 1024);
  });
});

describe('a revoked token', () => {
  it('gets 401 APIG.0307 once POST /__mock/revoke-tokens revoked it; a new token works', async () => {
    const token = await issueToken(mock.cloud);
    expect((await call(token)).status).toBe(200);
    const revoke = await send(mock.cloud, { method: 'POST', target: '/__mock/revoke-tokens' });
    expect(revoke.json).toEqual({ revoked: 1 });
    const refused = await call(token);
    expect(refused.status).toBe(401);
    expect(refused.json).toMatchObject({ error_code: 'APIG.0307', error_msg: 'The token must be updated.' });
    expect((await call(await issueToken(mock.cloud))).status).toBe(200);
    expect((await stats(mock.cloud)).tokensRevoked).toBe(1);
  });

  it("revokes one user's tokens only when asked, and refuses a malformed request", async () => {
    const mine = await issueToken(mock.cloud);
    const theirs = await issueToken(mock.cloud, undefined, MOCK_ACCOUNT.otherUser);
    const revoke = await send(mock.cloud, {
      method: 'POST',
      target: '/__mock/revoke-tokens',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: MOCK_ACCOUNT.otherUser.name }),
    });
    expect(revoke.json).toEqual({ revoked: 1 });
    expect((await call(mine)).status).toBe(200);
    expect((await call(theirs)).status).toBe(401);
    const bad = await send(mock.cloud, { method: 'POST', target: '/__mock/revoke-tokens', headers: { 'Content-Type': 'application/json' }, body: '{"user":1}' });
    expect(bad.status).toBe(400);
  });
});
