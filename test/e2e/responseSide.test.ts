import { akskCollection, tokenCollection, type CollectionDefinition, type RequestDefinition } from '../../src/collections/definitions';
import { resetMock, setMockFaults } from '../../src/harness';
import { MOCK_ACCOUNT, MOCK_AKSK } from '../../src/mock/fixtures';
import { describeFailures, envValue, run, useMockCloud } from './helpers';

/**
 * The response side end to end, in Newman against the mock cloud (the proofs): the doctor names a header
 * changed after signing and a wrong SK; a gateway clock 20 minutes off costs at most the first request; a wrong SK
 * reaches the gateway at most 3 times and never gets the AK locked; a wrong password costs one IAM call; a token
 * revoked mid-run costs one 401 and one IAM call, and the run ends green.
 */
const mock = useMockCloud();
const WRONG_SK = 'NotTheMockSecretKey-0000000000000000000';

function collection(slug: string, mode: 'aksk' | 'token', items: RequestDefinition[]): CollectionDefinition {
  return {
    slug: `response-side-${slug}`,
    name: `response side: ${slug}`,
    description: '',
    variables: [{ key: 'hwc_auth_mode', value: mode, description: '' }],
    environment: (mode === 'aksk' ? akskCollection : tokenCollection).environment,
    folders: [{ name: 'requests', description: '', items }],
  };
}

const signedGet = (i: number, extra: Partial<RequestDefinition> = {}): RequestDefinition => ({
  name: `GET ${i}`,
  description: '',
  method: 'GET',
  url: `{{baseUrl}}/v1/response-side/${i}`,
  expect: { kind: 'accepted', auth: 'aksk', method: 'GET' },
  ...extra,
});

const tokenGet = (i: number, extra: Partial<RequestDefinition> = {}): RequestDefinition => ({
  ...signedGet(i, extra),
  expect: { kind: 'accepted', auth: 'token', method: 'GET' },
  ...extra,
});

const hwcFailures = (result: Awaited<ReturnType<typeof run>>): string[] =>
  result.failures.map((f) => f.test ?? '').filter((t) => t.startsWith('hwc-auth: '));

describe('the signature doctor in Newman', () => {
  const traced = collection('doctor', 'aksk', [
    signedGet(1, {
      headers: [{ key: 'X-Trace', value: 'a' }],
      // a request-level script, which runs after the collection-level signer, changes a signed header
      prerequest: ["pm.request.headers.upsert({ key: 'X-Trace', value: 'b' });"],
      expect: { kind: 'custom' },
    }),
  ]);

  it('a header changed after signing: the failing test names it and both values', async () => {
    const result = await run(mock, traced, 'response-doctor-header');
    expect(result.stats.verdicts.map((v) => [v.status, v.code])).toEqual([[401, 'APIGW.0301']]);
    expect(hwcFailures(result)).toEqual([
      'hwc-auth: header x-trace differs: signed "a", the gateway received "b": a script or proxy changed it after signing',
    ]);
  });

  it('a wrong SK: the failing test says the SK does not match', async () => {
    const plain = collection('doctor-sk', 'aksk', [signedGet(1, { expect: { kind: 'custom' } })]);
    const result = await run(mock, plain, 'response-doctor-sk', { envOverrides: { HUAWEICLOUD_SDK_SK: WRONG_SK } });
    expect(hwcFailures(result)).toEqual(['hwc-auth: everything matches: the SK does not belong to this AK']);
    expect(JSON.stringify(result.failures)).not.toContain(WRONG_SK);
  });
});

describe('clock skew in Newman', () => {
  const tenRequests = collection('clock', 'aksk', Array.from({ length: 10 }, (_, i) => signedGet(i + 1)));

  it.each([
    ['20 minutes ahead', 1200, 'behind'],
    ['20 minutes behind', -1200, 'ahead of'],
  ])('the gateway clock %s: only the first request fails; every later one, and a rerun with the exported environment, is accepted', async (_label, offsetSeconds, direction) => {
    await resetMock(mock.url);
    await setMockFaults(mock.url, { clockOffsetSeconds: offsetSeconds });
    const first = await run(mock, tenRequests, `response-clock-${offsetSeconds}`, { resetMock: false });
    const verdicts = first.stats.verdicts;
    expect(verdicts).toHaveLength(10);
    expect(verdicts[0]).toMatchObject({ ok: false, status: 401, code: 'APIGW.0301' });
    expect(verdicts.slice(1).every((v) => v.ok)).toBe(true);
    const titles = hwcFailures(first);
    expect(titles).toHaveLength(1);
    const said = /^hwc-auth: your clock is (\d+) min(?: (\d+) s)? (behind|ahead of) the gateway's; later requests are signed with the corrected time$/.exec(titles[0] ?? '');
    expect(said?.[3]).toBe(direction);
    // The offset as stated: the gateway's clock minus ours. From the two whole-second times of `signature expired`
    // (clockSkew.ts) it is the true offset plus the time from signing to the gateway's check, rounded by the two
    // truncations: for the mock's whole-second offset, 0 to 2 s more than it, whichever way the clock is off (the
    // gateway 20 minutes behind can read "19 min 59 s ahead of").
    const statedSeconds = (Number(said?.[1]) * 60 + Number(said?.[2] ?? 0)) * (direction === 'behind' ? 1 : -1);
    expect(statedSeconds - offsetSeconds).toBeGreaterThanOrEqual(0);
    expect(statedSeconds - offsetSeconds).toBeLessThanOrEqual(2);
    expect(first.failures.every((f) => f.source === 'GET 1')).toBe(true);
    expect(JSON.stringify(envValue(first.environment, 'hwc_clock_offsets'))).toMatch(/127\.0\.0\.1:\d+/);

    const rerun = await run(mock, tenRequests, `response-clock-${offsetSeconds}-rerun`, { resetMock: false, environment: first.environment });
    expect(describeFailures(rerun)).toEqual([]);
    expect(rerun.stats.verdicts.slice(10).every((v) => v.ok)).toBe(true);
    expect(rerun.stats.verdicts).toHaveLength(20);
  });
});

describe('the lockout guard in Newman', () => {
  it('a wrong SK over 50 requests: at most 3 reach the gateway, and the mock never locks the AK', async () => {
    const one = collection('lockout', 'aksk', [signedGet(1)]);
    const result = await run(mock, one, 'response-lockout', { envOverrides: { HUAWEICLOUD_SDK_SK: WRONG_SK }, iterationCount: 50 });
    expect(result.stats.gatewayRequests).toBeLessThanOrEqual(3);
    expect(result.stats.gatewayRequests).toBe(3);
    expect(result.stats.accessKeyLockouts).toEqual({});
    const stopped = hwcFailures(result).filter((t) => t.startsWith('hwc-auth: not sent:'));
    expect(stopped).toHaveLength(47);
    expect(new Set(stopped)).toEqual(new Set([`hwc-auth: not sent: AK ${MOCK_AKSK.ak} failed the signature check 3 times in a row: fix HUAWEICLOUD_SDK_SK`]));
  });

  it('a wrong password over 20 requests: exactly 1 IAM call, and IAM never locks the user', async () => {
    const one = collection('login', 'token', [tokenGet(1)]);
    const result = await run(mock, one, 'response-login', { envOverrides: { HUAWEICLOUD_PASSWORD: 'not-the-password' }, iterationCount: 20 });
    expect(result.iamCalls).toBe(1);
    expect(result.stats.userLockouts).toEqual({});
    expect(result.stats.gatewayRequests).toBe(0);
    const titles = hwcFailures(result);
    expect(titles).toHaveLength(20);
    expect(new Set(titles)).toEqual(new Set([`hwc-auth: IAM refused the credentials for user ${MOCK_ACCOUNT.user.name} in domain ${MOCK_ACCOUNT.domainName}`]));
  });

  it('IAM 429 with Retry-After: the next token request waits, then gets a token', async () => {
    await resetMock(mock.url);
    await setMockFaults(mock.url, { iamStatus: 429, iamFailCount: 1, iamRetryAfterSeconds: 2 });
    const three = collection('throttled', 'token', [tokenGet(1), tokenGet(2), tokenGet(3)]);
    const started = Date.now();
    const result = await run(mock, three, 'response-throttled', { resetMock: false });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(hwcFailures(result)).toEqual(['hwc-auth: IAM throttled the token request (HTTP 429): try again later']);
    expect(result.iamCalls).toBe(2);
    expect(result.stats.verdicts.map((v) => v.ok)).toEqual([true, true]);
  });
});

describe('token recovery in Newman', () => {
  it('a token revoked after the 5th of 20 requests: one 401, exactly 2 IAM calls, and with the retry the run ends green', async () => {
    const revokeAfterFifth = [
      "pm.sendRequest({ url: pm.variables.get('baseUrl') + '/__mock/revoke-tokens', method: 'POST' }, function (err, res) {",
      "  pm.test('the mock revoked the tokens', function () { pm.expect(err).to.equal(null); pm.expect(res.json().revoked).to.equal(1); });",
      '});',
    ];
    const twenty = collection(
      'revoked',
      'token',
      Array.from({ length: 20 }, (_, i) => tokenGet(i + 1, i === 4 ? { tests: revokeAfterFifth } : {})),
    );
    const result = await run(mock, twenty, 'response-revoked');
    expect(describeFailures(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.iamCalls).toBe(2);
    expect(result.stats.tokensRevoked).toBe(1);
    const refused = result.stats.verdicts.filter((v) => !v.ok);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ status: 401, code: 'APIG.0307', path: '/v1/response-side/6' });
    expect(result.stats.verdicts).toHaveLength(21);
    expect(result.stats.verdicts.filter((v) => v.path === '/v1/response-side/6').map((v) => v.ok)).toEqual([false, true]);
  });
});
