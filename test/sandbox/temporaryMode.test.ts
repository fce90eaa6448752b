/**
 * hwc_auth_mode=temporary in both real sandboxes, with the script's pm.sendRequest calls answered by a real mock cloud
 * (IAM's securitytokens and tokens): the securitytokens call signed with the permanent AK/SK, the request signed with
 * the temporary keys (checked on the wire), the cache reused, secrets kept out of the console, failing closed.
 */
import { MOCK_AKSK, startMockCloud, type MockCloud } from '../../src/mock';
import type { Responder, RunResult } from './harness';
import { eachSandbox } from './helpers';
import { verifyWire, wireRequest } from './wire';

let cloud: MockCloud;
beforeAll(async () => {
  cloud = await startMockCloud({ quiet: true });
});
afterAll(() => cloud.close());

/** Forwards pm.sendRequest to the mock cloud over HTTP. */
const toMock: Responder = async (sent) => {
  const headers = Object.fromEntries(Object.entries(sent.headers).filter(([k]) => k !== 'host'));
  const res = await fetch(sent.url, { method: sent.method, headers, ...(sent.body !== undefined ? { body: sent.body } : {}) });
  return { code: res.status, headers: Object.fromEntries(res.headers.entries()), body: await res.text() };
};

const env = (extra: Record<string, string> = {}): Record<string, string> => ({
  hwc_auth_mode: 'temporary',
  HUAWEICLOUD_SDK_IAM_ENDPOINT: cloud.url,
  HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak,
  HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk,
  hwc_temporary_duration: '900',
  ...extra,
});

function cached(result: RunResult): { access: string; secret: string; securityToken: string } {
  const cache = JSON.parse(String(result.environment['hwc_temporary_cache'])) as Record<string, { access: string; secret: string; securityToken: string }>;
  return Object.values(cache)[0]!;
}

eachSandbox('temporary mode', (run) => {
  test('asks securitytokens signed with the permanent AK/SK, then signs the request with the temporary keys', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://ecs.example.com/v1/servers' }, environment: env({ hwc_debug: 'true' }), responder: toMock });
    expect(result.tests).toEqual([]);
    expect(result.skipped).toBe(false);
    expect(result.sent).toHaveLength(1);
    const [iam] = result.sent;
    expect(iam!.url).toBe(`${cloud.url}/v3.0/OS-CREDENTIAL/securitytokens`);
    expect(iam!.headers['authorization']).toMatch(new RegExp(`^SDK-HMAC-SHA256 Access=${MOCK_AKSK.ak}, `));
    expect(JSON.parse(iam!.body!)).toEqual({ auth: { identity: { methods: ['token'], token: { duration_seconds: 900 } } } });

    const temporary = cached(result);
    expect(temporary.access).not.toBe(MOCK_AKSK.ak);
    const wire = wireRequest(result.request);
    expect(verifyWire(wire, temporary.access, temporary.secret).ok).toBe(true);
    expect(result.header['x-security-token']).toBe(temporary.securityToken);
    // hwc_debug logs the canonical request with the security token masked; no temporary secret anywhere.
    expect(result.consoleText).toContain('x-security-token:***');
    expect(result.consoleText).not.toContain(temporary.securityToken);
    expect(result.consoleText).not.toContain(temporary.secret);
  });

  test('reuses the cached temporary keys: no IAM call on the next request', async () => {
    const first = await run({ request: { method: 'GET', url: 'https://ecs.example.com/v1/a' }, environment: env(), responder: toMock });
    const environment = Object.fromEntries(Object.entries(first.environment).map(([k, v]) => [k, String(v)]));
    const second = await run({ request: { method: 'GET', url: 'https://ecs.example.com/v1/b' }, environment, responder: toMock });
    expect(second.tests).toEqual([]);
    expect(second.sent).toEqual([]);
    expect(verifyWire(wireRequest(second.request), cached(first).access, cached(first).secret).ok).toBe(true);
  });

  test('assume_role: the body names the agency and its account', async () => {
    const result = await run({
      request: { method: 'GET', url: 'https://ecs.example.com/v1/servers' },
      environment: env({ HUAWEICLOUD_AGENCY_NAME: 'mock-ops-agency', HUAWEICLOUD_AGENCY_DOMAIN: 'mock-delegating-account' }),
      responder: toMock,
    });
    expect(result.tests).toEqual([]);
    expect(JSON.parse(result.sent[0]!.body!)).toEqual({
      auth: { identity: { methods: ['assume_role'], assume_role: { agency_name: 'mock-ops-agency', domain_name: 'mock-delegating-account', duration_seconds: 900 } } },
    });
  });

  test.each([
    [{ HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '' }, 'hwc-auth: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or HUAWEICLOUD_USERNAME'],
    [{ HUAWEICLOUD_AGENCY_DOMAIN: 'mock-delegating-account' }, 'hwc-auth: set HUAWEICLOUD_AGENCY_NAME'],
    [{ HUAWEICLOUD_SDK_IAM_ENDPOINT: '' }, 'hwc-auth: set HUAWEICLOUD_SDK_IAM_ENDPOINT'],
  ])('fails closed with %j, asking IAM nothing', async (extra, title) => {
    const result = await run({ request: { method: 'GET', url: 'https://ecs.example.com/v1/x' }, environment: env(extra), responder: toMock });
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([[title, false]]);
    expect(result.skipped).toBe(true);
    expect(result.sent).toEqual([]);
  });
});
