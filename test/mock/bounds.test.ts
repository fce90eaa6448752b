import { MOCK_ACCOUNT, startMockCloud, type MockCloud } from '../../src/mock';
import { NAMES_KEPT, NAME_CHARS_KEPT } from '../../src/mock/shared/stats';
import { issueToken, manualClock, passwordBody, send, sendSigned, setFaults, stats } from './client';

/**
 * What the mock keeps is bounded: fault names from a fixed list, per-identity stats capped with long names cut,
 * issued credentials forgotten after expiry and past a limit (test/mock/credentialStore.test.ts for the store itself).
 */
let cloud: MockCloud;
const clock = manualClock(Date.UTC(2024, 0, 2, 3, 4, 5));
beforeAll(async () => {
  cloud = await startMockCloud({ quiet: true, now: clock.now });
});
afterAll(() => cloud.close());
beforeEach(() => send(cloud, { method: 'POST', target: '/__mock/reset' }));

const tokenRequest = (body: string) =>
  send(cloud, { method: 'POST', target: '/v3/auth/tokens', headers: { 'Content-Type': 'application/json' }, body });

describe('POST /__mock/faults: only the fixed list of fault names', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'iamstatus'])('400 on %s, nothing changes', async (key) => {
    // raw text: an object literal with __proto__ would set a prototype, not a key
    const res = await send(cloud, { method: 'POST', target: '/__mock/faults', headers: { 'Content-Type': 'application/json' }, body: `{"${key}": 500}` });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe(`unknown fault "${key}"; known: iamStatus, iamFailCount, iamRetryAfterSeconds, iamDelayMs, tokenTtlSeconds, clockOffsetSeconds`);
    expect((await send(cloud, { target: '/__mock/faults' })).json).toEqual({});
    expect((await tokenRequest(passwordBody())).status).toBe(201);
  });

  it('a long unknown key is not echoed', async () => {
    const res = await setFaults(cloud, { ['k'.repeat(100_000)]: 1 });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/^unknown fault of 100000 characters; known: /);
    expect(res.text.length).toBeLessThan(200);
  });
});

describe('per-identity stats: capped, long names cut', () => {
  it('40 failed logins with 1 MB names: /__mock/stats stays small', async () => {
    for (let i = 0; i < 40; i++) {
      const res = await tokenRequest(passwordBody(undefined, { name: `${i}-${'n'.repeat(1024 * 1024)}`, password: 'wrong' }));
      expect(res.status).toBeGreaterThanOrEqual(400);
    }
    const res = await send(cloud, { target: '/__mock/stats' });
    expect(res.json.iamTokenRequests).toBe(40);
    expect(res.text.length).toBeLessThan(20 * 1024);
  });

  it(`a name over ${NAME_CHARS_KEPT} characters is cut and marked with its length`, async () => {
    const long = 'u'.repeat(100_000);
    await tokenRequest(passwordBody(undefined, { name: long, password: 'wrong' }));
    await tokenRequest(passwordBody(undefined, { name: long, password: 'wrong' }));
    const key = `${MOCK_ACCOUNT.domainName}/${long}/project:cn-north-4`;
    expect((await stats(cloud)).iamTokenRequestsByIdentity).toEqual({ [`${key.slice(0, NAME_CHARS_KEPT)}...(${key.length} chars)`]: 2 });
  });

  it(`the first ${NAMES_KEPT} identities are named; later ones only counted; known ones go on counting`, async () => {
    for (let i = 0; i < NAMES_KEPT + 30; i++) await tokenRequest(passwordBody(undefined, { name: `user-${i}-${'x'.repeat(5000)}`, password: 'wrong' }));
    await tokenRequest(passwordBody());
    await tokenRequest(passwordBody(undefined, { name: `user-0-${'x'.repeat(5000)}`, password: 'wrong' }));
    const s = await stats(cloud);
    const names = Object.keys(s.iamTokenRequestsByIdentity);
    expect(names).toHaveLength(NAMES_KEPT);
    expect(names.every((n) => n.length <= NAME_CHARS_KEPT + 20)).toBe(true);
    expect(s.iamTokenRequestsOtherIdentities).toBe(31);
    expect(s.iamTokenRequests).toBe(NAMES_KEPT + 32);
    expect(Object.values(s.iamTokenRequestsByIdentity).reduce((a: number, b) => a + (b as number), 0)).toBe(NAMES_KEPT + 1);
  });

  it('lockout counts are named the same way: a user locked under a 100 KB domain name', async () => {
    const domain = 'd'.repeat(100_000);
    for (let i = 0; i < 5; i++) await tokenRequest(passwordBody(undefined, { name: MOCK_ACCOUNT.user.name, password: 'wrong' }, { name: domain }));
    const key = `${domain}/${MOCK_ACCOUNT.user.name}`;
    const s = await stats(cloud);
    expect(s.userLockouts).toEqual({ [`${key.slice(0, NAME_CHARS_KEPT)}...(${key.length} chars)`]: 1 });
    expect(s.userLockoutsOtherUsers).toBe(0);
  });

  it('a verdict path over the limit is cut too', async () => {
    await send(cloud, { target: '/v1/' + 'p'.repeat(30_000) });
    const [verdict] = (await stats(cloud)).verdicts;
    expect(verdict.path).toBe(`/v1/${'p'.repeat(NAME_CHARS_KEPT - 4)}...(30004 chars)`);
  });
});

describe('bodies: the gateway keeps none, IAM and /__mock/ at most 1 MB', () => {
  it('a signed 12 MB body is checked by its hash: accepted, and a changed byte is not', async () => {
    const body = Buffer.alloc(12 * 1024 * 1024, 0x61);
    const { signed, response } = sendSigned(cloud, { method: 'PUT', target: '/v1/objects/big', body, at: clock.now() });
    expect((await response).status).toBe(200);
    const tampered = Buffer.from(body);
    tampered[5] = 0x62;
    const headers = Object.fromEntries(signed.headers);
    expect((await send(cloud, { method: 'PUT', target: '/v1/objects/big', headers, body: tampered })).json.error_msg).toMatch(/verify aksk signature fail/);
  });

  it('an IAM body over 1 MB is not parsed: 400, and no identity is recorded', async () => {
    const res = await tokenRequest(passwordBody(undefined, { name: 'n'.repeat(1024 * 1024), password: 'x' }));
    expect(res.status).toBe(400);
    expect((await stats(cloud)).iamTokenRequestsByIdentity).toEqual({});
  });
});

describe('GET /__mock/memory', () => {
  it('reports the process memory and how many credentials are kept', async () => {
    await issueToken(cloud);
    await issueToken(cloud);
    const res = await send(cloud, { target: '/__mock/memory' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      rssBytes: expect.any(Number),
      maxRssBytes: expect.any(Number),
      heapUsedBytes: expect.any(Number),
      tokensKept: 2,
      temporaryKeysKept: 0,
    });
    expect(res.json.maxRssBytes).toBeGreaterThanOrEqual(res.json.rssBytes * 0.5);
    expect(res.json.rssBytes).toBeGreaterThan(res.json.heapUsedBytes);
  });
});
