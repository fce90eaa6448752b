import { MOCK_AGENCIES, MOCK_AKSK, MOCK_PROJECTS, MOCK_TEMP_AK_PREFIX } from '../../../src/mock';
import { issueToken, send, sendSigned, stats, mockCloudForFile } from '../client';

/** POST /v3.0/OS-CREDENTIAL/securitytokens, then the temporary AK/SK at the gateway with and without X-Security-Token. */
const START = Date.UTC(2024, 5, 1, 12, 0, 0);
const [CN] = MOCK_PROJECTS;
const PATH = '/v3.0/OS-CREDENTIAL/securitytokens';
const IAM = 'Incorrect IAM authentication information: ';
const mock = mockCloudForFile(START);
const { clock } = mock;

const body = (duration?: number) =>
  JSON.stringify({ auth: { identity: { methods: ['token'], ...(duration === undefined ? {} : { token: { duration_seconds: duration } }) } } });

async function withToken(duration?: number) {
  const token = await issueToken(mock.cloud);
  return send(mock.cloud, { method: 'POST', target: PATH, headers: { 'X-Auth-Token': token, 'Content-Type': 'application/json' }, body: body(duration) });
}

async function temporary() {
  const res = await withToken(900);
  expect(res.status).toBe(201);
  return res.json.credential as { access: string; secret: string; securitytoken: string; expires_at: string };
}

describe('issuing temporary credentials', () => {
  it('with a token: 201, the AK carries the mock prefix, expires_at in IAM format', async () => {
    const res = await withToken(3600);
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      credential: { access: expect.any(String), secret: expect.any(String), securitytoken: expect.any(String), expires_at: '2024-06-01T13:00:00.000000Z' },
    });
    expect(res.json.credential.access.startsWith(MOCK_TEMP_AK_PREFIX)).toBe(true);
    expect(res.json.credential.access).toHaveLength(20);
  });

  it('default duration is 900 s', async () => {
    expect((await withToken()).json.credential.expires_at).toBe('2024-06-01T12:15:00.000000Z');
  });

  it('with an AK/SK signature', async () => {
    const res = await sendSigned(mock.cloud, { method: 'POST', target: PATH, headers: { 'Content-Type': 'application/json' }, body: body(900), at: START }).response;
    expect(res.status).toBe(201);
    expect((await stats(mock.cloud)).securityTokensIssued).toBe(1);
  });

  it('duration out of 900..86400: 400 IAM.0011', async () => {
    for (const d of [899, 86401]) {
      const res = await withToken(d);
      expect(res.status).toBe(400);
      expect(res.json.error_code).toBe('IAM.0011');
    }
  });

  it('without credentials: 401; with an expired token: 401 IAM.0066', async () => {
    const none = await send(mock.cloud, { method: 'POST', target: PATH, body: body() });
    expect(none.status).toBe(401);
    const token = await issueToken(mock.cloud);
    clock.advance(25 * 3600 * 1000);
    const expired = await send(mock.cloud, { method: 'POST', target: PATH, headers: { 'X-Auth-Token': token }, body: body() });
    expect(expired.status).toBe(401);
    expect(expired.json.error_code).toBe('IAM.0066');
  });
});

describe('using temporary credentials at the gateway', () => {
  it('signed with X-Security-Token: accepted, marked temporary', async () => {
    const c = await temporary();
    const res = await sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs`, credentials: { ak: c.access, sk: c.secret, securityToken: c.securitytoken }, at: START }).response;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ auth: 'aksk', access: c.access, temporary: true });
    expect(res.json.signedHeaders).toContain('x-security-token');
  });

  it('without X-Security-Token: 401 APIGW.0301', async () => {
    const c = await temporary();
    const res = await sendSigned(mock.cloud, { target: '/v1/x', credentials: { ak: c.access, sk: c.secret }, at: START }).response;
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0301', error_msg: `${IAM}x-security-token not found, a temporary ak needs it` });
  });

  it('X-Security-Token sent but not signed: 401', async () => {
    const c = await temporary();
    const { signed } = sendSigned(mock.cloud, { target: '/v1/x', credentials: { ak: c.access, sk: c.secret }, at: START });
    const res = await send(mock.cloud, { target: '/v1/x', headers: { ...Object.fromEntries(signed.headers), 'X-Security-Token': c.securitytoken } });
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
  });

  it("another issue's security token: 401", async () => {
    const a = await temporary();
    const b = await temporary();
    const res = await sendSigned(mock.cloud, { target: '/v1/x', credentials: { ak: a.access, sk: a.secret, securityToken: b.securitytoken }, at: START }).response;
    expect(res.status).toBe(401);
  });

  it('a wrong secret: signature fail', async () => {
    const c = await temporary();
    const res = await sendSigned(mock.cloud, { target: '/v1/x', credentials: { ak: c.access, sk: MOCK_AKSK.sk, securityToken: c.securitytoken }, at: START }).response;
    expect(res.json.error_msg).toMatch(/verify aksk signature fail/);
  });

  it('after expires_at: 401', async () => {
    const c = await temporary();
    clock.advance(900_000);
    const res = await sendSigned(mock.cloud, { target: '/v1/x', credentials: { ak: c.access, sk: c.secret, securityToken: c.securitytoken }, at: clock.now() }).response;
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIGW.0301');
  });

  it('after /__mock/reset: ak not exist', async () => {
    const c = await temporary();
    await send(mock.cloud, { method: 'POST', target: '/__mock/reset' });
    const res = await sendSigned(mock.cloud, { target: '/v1/x', credentials: { ak: c.access, sk: c.secret, securityToken: c.securitytoken }, at: START }).response;
    expect(res.json.error_msg).toBe(`${IAM}ak not exist`);
  });
});

describe('assume_role (agencies)', () => {
  const assume = (agency_name: string, domain_name: string, duration_seconds?: number) =>
    JSON.stringify({ auth: { identity: { methods: ['assume_role'], assume_role: { agency_name, domain_name, ...(duration_seconds ? { duration_seconds } : {}) } } } });
  const [agency] = MOCK_AGENCIES;

  it("issues the delegating account's credentials for a known agency; the gateway names the agency", async () => {
    const res = await sendSigned(mock.cloud, { method: 'POST', target: PATH, headers: { 'Content-Type': 'application/json' }, body: assume(agency.name, agency.domainName, 1800), at: START }).response;
    expect(res.status).toBe(201);
    expect(res.json.credential.expires_at).toBe('2024-06-01T12:30:00.000000Z');
    const { access, secret, securitytoken } = res.json.credential;
    const call = await sendSigned(mock.cloud, { target: '/v1/agency/whoami', credentials: { ak: access, sk: secret, securityToken: securitytoken }, at: START }).response;
    expect(call.status).toBe(200);
    expect(call.json).toMatchObject({ temporary: true, agency: `${agency.domainName}/${agency.name}` });
    expect((await stats(mock.cloud)).securityTokenRequestsByIdentity).toEqual({ [`aksk:${MOCK_AKSK.ak} -> ${agency.domainName}/${agency.name}`]: 1 });
  });

  it('answers 404 for an agency the delegating account does not have, and issues nothing', async () => {
    const res = await sendSigned(mock.cloud, { method: 'POST', target: PATH, headers: { 'Content-Type': 'application/json' }, body: assume('no-such-agency', agency.domainName), at: START }).response;
    expect(res.status).toBe(404);
    expect(res.json.error.message).toBe(`Could not find agency no-such-agency in domain ${agency.domainName}.`);
    expect((await stats(mock.cloud)).securityTokensIssued).toBe(0);
  });

  it('refuses assume_role without a domain', async () => {
    const bad = JSON.stringify({ auth: { identity: { methods: ['assume_role'], assume_role: { agency_name: agency.name } } } });
    const res = await sendSigned(mock.cloud, { method: 'POST', target: PATH, headers: { 'Content-Type': 'application/json' }, body: bad, at: START }).response;
    expect([res.status, res.json.error_code]).toEqual([400, 'IAM.0011']);
  });
});
