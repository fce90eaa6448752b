import { MOCK_ACCOUNT, MOCK_PROJECTS } from '../../../src/mock';
import { passwordBody, send, setFaults, stats, mockCloudForFile } from '../client';

/** POST /v3/auth/tokens and GET /v3/projects: shapes, errors, faults and counts. */
const START = Date.UTC(2020, 0, 3, 9, 5, 22, 701); // issued_at 2020-01-03T09:05:22.701000Z
const [CN, AP] = MOCK_PROJECTS;
const mock = mockCloudForFile(START);

function tokenRequest(body: string, target = '/v3/auth/tokens?nocatalog=true') {
  return send(mock.cloud, { method: 'POST', target, headers: { 'Content-Type': 'application/json;charset=UTF-8' }, body });
}

describe('POST /v3/auth/tokens', () => {
  it('issues a ~10 KB X-Subject-Token starting with MII and an IAM-shaped body, 201', async () => {
    const res = await tokenRequest(passwordBody());
    expect(res.status).toBe(201);
    const token = res.headers['x-subject-token'] as string;
    expect(token.startsWith('MII')).toBe(true);
    expect(token.length).toBeGreaterThan(8 * 1024);
    expect(token.length).toBeLessThan(16 * 1024);
    expect(token).toMatch(/^[A-Za-z0-9+\-]+$/);
    expect(res.json).toEqual({
      token: {
        issued_at: '2020-01-03T09:05:22.701000Z',
        expires_at: '2020-01-04T09:05:22.701000Z',
        methods: ['password'],
        user: {
          id: expect.any(String),
          name: MOCK_ACCOUNT.user.name,
          domain: { id: MOCK_ACCOUNT.domainId, name: MOCK_ACCOUNT.domainName },
          password_expires_at: '',
        },
        project: { id: CN.id, name: CN.name, domain: { id: MOCK_ACCOUNT.domainId, name: MOCK_ACCOUNT.domainName } },
        roles: expect.any(Array),
      },
    });
  });

  it('two issues give two different tokens', async () => {
    const a = await tokenRequest(passwordBody());
    const b = await tokenRequest(passwordBody());
    expect(a.headers['x-subject-token']).not.toBe(b.headers['x-subject-token']);
  });

  it('includes a catalog unless ?nocatalog=true', async () => {
    const res = await tokenRequest(passwordBody(), '/v3/auth/tokens');
    expect(res.status).toBe(201);
    expect(res.json.token.catalog[0].endpoints[0].url).toBe(`${mock.cloud.url}/v3`);
  });

  it('scopes by project id, by domain name and by domain id', async () => {
    const byId = await tokenRequest(passwordBody({ project: { id: AP.id } }));
    expect(byId.json.token.project).toMatchObject({ id: AP.id, name: AP.name });
    const byDomain = await tokenRequest(passwordBody({ domain: { name: MOCK_ACCOUNT.domainName } }));
    expect(byDomain.status).toBe(201);
    expect(byDomain.json.token.domain).toEqual({ id: MOCK_ACCOUNT.domainId, name: MOCK_ACCOUNT.domainName });
    expect(byDomain.json.token.project).toBeUndefined();
    const byDomainId = await tokenRequest(passwordBody({ domain: { id: MOCK_ACCOUNT.domainId } }, MOCK_ACCOUNT.otherUser, { id: MOCK_ACCOUNT.domainId }));
    expect(byDomainId.status).toBe(201);
    expect(byDomainId.json.token.user.name).toBe(MOCK_ACCOUNT.otherUser.name);
  });

  it.each([
    ['a wrong password', passwordBody(undefined, { name: MOCK_ACCOUNT.user.name, password: 'wrong' })],
    ["another user's password", passwordBody(undefined, { name: MOCK_ACCOUNT.user.name, password: MOCK_ACCOUNT.otherUser.password })],
    ['an unknown user', passwordBody(undefined, { name: 'nobody', password: MOCK_ACCOUNT.user.password })],
    ['an unknown account', passwordBody(undefined, MOCK_ACCOUNT.user, { name: 'other-account' })],
  ])('%s: 401, Keystone style', async (_name, body) => {
    const res = await tokenRequest(body);
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } });
    expect(res.headers['x-subject-token']).toBeUndefined();
  });

  const user = { name: MOCK_ACCOUNT.user.name, password: MOCK_ACCOUNT.user.password, domain: { name: MOCK_ACCOUNT.domainName } };
  const identity = { methods: ['password'], password: { user } };
  it.each([
    ['not JSON', '{"auth":'],
    ['no auth', '{}'],
    ['methods ["token"]', JSON.stringify({ auth: { identity: { ...identity, methods: ['token'] }, scope: { project: { name: CN.name } } } })],
    ['no user domain', JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'u', password: 'p' } } }, scope: { project: { name: CN.name } } } })],
    ['no scope', JSON.stringify({ auth: { identity } })],
    ['project and domain scope', JSON.stringify({ auth: { identity, scope: { project: { name: CN.name }, domain: { name: 'x' } } } })],
    ['an unknown project', passwordBody({ project: { name: 'xx-nowhere-1' } })],
    ["another account's domain scope", passwordBody({ domain: { name: 'other' } })],
  ])('%s: 400, Keystone style', async (_name, body) => {
    const res = await tokenRequest(body);
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 400, title: 'Bad Request' });
    expect(res.text).not.toContain(MOCK_ACCOUNT.user.password);
  });

  it('other methods: 405', async () => {
    expect((await send(mock.cloud, { target: '/v3/auth/tokens' })).status).toBe(405);
  });

  it('counts requests by identity as requested, and tokens issued', async () => {
    await tokenRequest(passwordBody());
    await tokenRequest(passwordBody());
    await tokenRequest(passwordBody({ project: { id: AP.id } }, MOCK_ACCOUNT.otherUser));
    await tokenRequest(passwordBody({ domain: { name: MOCK_ACCOUNT.domainName } }, undefined, { id: MOCK_ACCOUNT.domainId }));
    await tokenRequest(passwordBody(undefined, { name: MOCK_ACCOUNT.user.name, password: 'wrong' }));
    await tokenRequest('not json');
    const s = await stats(mock.cloud);
    expect(s.iamTokenRequests).toBe(6);
    expect(s.tokensIssued).toBe(4);
    expect(s.iamTokenRequestsByIdentity).toEqual({
      'mock-account/mock-user/project:cn-north-4': 3,
      [`mock-account/mock-user-2/project:${AP.id}`]: 1,
      [`${MOCK_ACCOUNT.domainId}/mock-user/domain:mock-account`]: 1,
    });
    expect(s.gatewayRequests).toBe(0);
  });
});

describe('IAM faults', () => {
  it('iamStatus with iamFailCount fails that many requests, then clears itself', async () => {
    expect((await setFaults(mock.cloud, { iamStatus: 500, iamFailCount: 2 })).json).toEqual({ iamStatus: 500, iamFailCount: 2 });
    const first = await tokenRequest(passwordBody());
    expect(first.status).toBe(500);
    expect(first.json).toEqual({ error: { code: 500, message: expect.any(String), title: 'Internal Server Error' } });
    expect((await send(mock.cloud, { target: '/__mock/faults' })).json).toEqual({ iamStatus: 500, iamFailCount: 1 });
    expect((await tokenRequest(passwordBody())).status).toBe(500);
    expect((await tokenRequest(passwordBody())).status).toBe(201);
    expect((await send(mock.cloud, { target: '/__mock/faults' })).json).toEqual({});
    const s = await stats(mock.cloud);
    expect(s.iamTokenRequests).toBe(3);
    expect(s.tokensIssued).toBe(1);
  });

  it('iamStatus without a count fails until switched off (null) or reset', async () => {
    await setFaults(mock.cloud, { iamStatus: 503 });
    for (let i = 0; i < 3; i++) expect((await tokenRequest(passwordBody())).status).toBe(503);
    await setFaults(mock.cloud, { iamStatus: null });
    expect((await tokenRequest(passwordBody())).status).toBe(201);
    await setFaults(mock.cloud, { iamStatus: 429 });
    await send(mock.cloud, { method: 'POST', target: '/__mock/reset' });
    expect((await tokenRequest(passwordBody())).status).toBe(201);
  });

  it('iamDelayMs delays the answer', async () => {
    await setFaults(mock.cloud, { iamDelayMs: 300 });
    const t0 = Date.now();
    expect((await tokenRequest(passwordBody())).status).toBe(201);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('a request delayed across a reset answers 503 and uses none of the faults set after the reset', async () => {
    await setFaults(mock.cloud, { iamDelayMs: 300 });
    const late = tokenRequest(passwordBody());
    await new Promise((resolve) => setTimeout(resolve, 50));
    await send(mock.cloud, { method: 'POST', target: '/__mock/reset' });
    await setFaults(mock.cloud, { iamStatus: 401, iamFailCount: 1 });
    const answer = await late;
    expect(answer.status).toBe(503);
    expect(JSON.stringify(answer.json)).toMatch(/Mock reset while this request waited/);
    expect((await tokenRequest(passwordBody())).status).toBe(401);
    expect((await tokenRequest(passwordBody())).status).toBe(201);
  });

  it('tokenTtlSeconds sets the lifetime of new tokens', async () => {
    await setFaults(mock.cloud, { tokenTtlSeconds: 60 });
    const res = await tokenRequest(passwordBody());
    expect(res.json.token.expires_at).toBe('2020-01-03T09:06:22.701000Z');
  });

  it('clockOffsetSeconds moves issued_at', async () => {
    await setFaults(mock.cloud, { clockOffsetSeconds: 3600 });
    expect((await tokenRequest(passwordBody())).json.token.issued_at).toBe('2020-01-03T10:05:22.701000Z');
  });

  it('bad faults are refused and change nothing', async () => {
    for (const bad of [{ iamStatus: 'x' }, { iamStatus: 50 }, { iamFailCount: 1.5 }, { unknown: 1 }, [1]]) {
      const res = await setFaults(mock.cloud, bad);
      expect(res.status).toBe(400);
      expect(typeof res.json.error).toBe('string');
    }
    expect((await send(mock.cloud, { target: '/__mock/faults' })).json).toEqual({});
  });

  it('merges: a second patch keeps the first', async () => {
    await setFaults(mock.cloud, { iamDelayMs: 10 });
    expect((await setFaults(mock.cloud, { tokenTtlSeconds: 5 })).json).toEqual({ iamDelayMs: 10, tokenTtlSeconds: 5 });
  });
});

describe('GET /v3/projects', () => {
  async function token(scope?: object) {
    return (await tokenRequest(passwordBody(scope))).headers['x-subject-token'] as string;
  }

  it('finds a project id by name with a token', async () => {
    const res = await send(mock.cloud, { target: '/v3/projects?name=cn-north-4', headers: { 'X-Auth-Token': await token() } });
    expect(res.status).toBe(200);
    expect(res.json.projects).toEqual([expect.objectContaining({ id: CN.id, name: CN.name, domain_id: MOCK_ACCOUNT.domainId, enabled: true })]);
  });

  it('lists every project without a name, none for an unknown name; a domain token works too', async () => {
    const domainToken = await token({ domain: { name: MOCK_ACCOUNT.domainName } });
    expect((await send(mock.cloud, { target: '/v3/projects', headers: { 'X-Auth-Token': domainToken } })).json.projects).toHaveLength(2);
    expect((await send(mock.cloud, { target: '/v3/projects?name=nowhere', headers: { 'X-Auth-Token': domainToken } })).json.projects).toEqual([]);
    expect((await stats(mock.cloud)).projectRequests).toBe(2);
  });

  it('without a valid token: 401 Keystone style', async () => {
    for (const headers of [{}, { 'X-Auth-Token': 'MIIforged' }] as Array<Record<string, string>>) {
      const res = await send(mock.cloud, { target: '/v3/projects?name=cn-north-4', headers });
      expect(res.status).toBe(401);
      expect(res.json.error).toMatchObject({ code: 401, title: 'Unauthorized' });
    }
  });
});
