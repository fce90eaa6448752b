import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { MOCK_ACCOUNT, MOCK_AKSK, startMockCloud, type MockCloud } from '../../src/mock';
import { issueToken, passwordBody, send, sendSigned, setFaults, stats } from './client';

/** The server itself: ports, large headers, introspection endpoints, logging without secrets, closing. */
describe('listening', () => {
  it('port 0 picks a free port on 127.0.0.1; url matches', async () => {
    const a = await startMockCloud({ quiet: true });
    const b = await startMockCloud({ quiet: true });
    try {
      expect(a.port).toBeGreaterThan(0);
      expect(a.port).not.toBe(b.port);
      expect(a.url).toBe(`http://127.0.0.1:${a.port}`);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('a given port is used; close() can be called twice', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const cloud = await startMockCloud({ quiet: true, port });
    expect(cloud.port).toBe(port);
    await cloud.close();
    await cloud.close();
  });

  it('close() does not wait for an IAM delay in progress', async () => {
    const cloud = await startMockCloud({ quiet: true });
    await setFaults(cloud, { iamDelayMs: 60_000 });
    const pending = send(cloud, { method: 'POST', target: '/v3/auth/tokens', body: passwordBody() }).catch(() => 'closed');
    await new Promise((r) => setTimeout(r, 50));
    const t0 = Date.now();
    await cloud.close();
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(await pending).toBe('closed');
  });
});

describe('with one mock', () => {
  let cloud: MockCloud;
  beforeAll(async () => {
    cloud = await startMockCloud({ quiet: true });
  });
  afterAll(() => cloud.close());
  beforeEach(() => send(cloud, { method: 'POST', target: '/__mock/reset' }));

  it('closes the connection after a /__mock/ reply (no kept-alive socket for a harness to reuse as it closes); keeps it for the cloud', async () => {
    const introspection = await fetch(`${cloud.url}/__mock/stats`);
    await introspection.text();
    expect(introspection.headers.get('connection')).toBe('close');
    const gateway = await fetch(`${cloud.url}/v1/x`);
    await gateway.text();
    expect(gateway.headers.get('connection')).toBe('keep-alive');
  });

  it('takes request headers far over 8 KB (48 KB here)', async () => {
    const res = await sendSigned(cloud, { target: '/v1/x', headers: { 'X-Big': 'b'.repeat(48 * 1024) } }).response;
    expect(res.status).toBe(200);
  });

  it('stats start at zero and keep the last 200 verdicts', async () => {
    expect(await stats(cloud)).toEqual({
      iamTokenRequests: 0,
      iamTokenRequestsByIdentity: {},
      iamTokenRequestsOtherIdentities: 0,
      tokensIssued: 0,
      gatewayRequests: 0,
      verdicts: [],
      securityTokenRequests: 0,
      securityTokensIssued: 0,
      securityTokenRequestsByIdentity: {},
      projectRequests: 0,
      accessKeyLockouts: {},
      accessKeyLockoutsOtherKeys: 0,
      userLockouts: {},
      userLockoutsOtherUsers: 0,
      tokensRevoked: 0,
      projectRequestsByIdentity: {},
      domainRequests: 0,
      domainRequestsByIdentity: {},
    });
    for (let i = 0; i < 205; i++) await send(cloud, { target: `/v1/n${i}` });
    const s = await stats(cloud);
    expect(s.gatewayRequests).toBe(205);
    expect(s.verdicts).toHaveLength(200);
    expect(s.verdicts[0].path).toBe('/v1/n5');
    expect(s.verdicts[199].path).toBe('/v1/n204');
  });

  it('reset clears stats, tokens and faults', async () => {
    const token = await issueToken(cloud);
    await setFaults(cloud, { iamStatus: 500 });
    expect((await send(cloud, { method: 'POST', target: '/__mock/reset' })).json).toEqual({ ok: true });
    expect((await stats(cloud)).iamTokenRequests).toBe(0);
    expect((await send(cloud, { target: '/__mock/faults' })).json).toEqual({});
    expect((await send(cloud, { target: '/v1/x', headers: { 'X-Auth-Token': token } })).status).toBe(401);
  });

  it('unknown /__mock/ endpoints: 404, not the gateway', async () => {
    const res = await send(cloud, { target: '/__mock/nothing' });
    expect(res.status).toBe(404);
    expect((await stats(cloud)).gatewayRequests).toBe(0);
  });
});

describe('logging', () => {
  it('one line per request, never a password, SK or token; quiet logs nothing', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    try {
      const cloud = await startMockCloud();
      const token = await issueToken(cloud);
      await send(cloud, { target: '/v1/x?secret=query', headers: { 'X-Auth-Token': token } });
      await sendSigned(cloud, { target: '/v1/y' }).response;
      await cloud.close();
      const quiet = await startMockCloud({ quiet: true });
      await send(quiet, { target: '/v1/z' });
      await quiet.close();
      const log = lines.join('');
      expect(lines).toHaveLength(3);
      expect(log).toContain('/v1/x');
      expect(log).not.toContain('secret=query');
      expect(log).not.toContain('/v1/z');
      for (const secret of [MOCK_ACCOUNT.user.password, MOCK_AKSK.sk, token.slice(0, 40)]) expect(log).not.toContain(secret);
    } finally {
      spy.mockRestore();
    }
  });
});
