import { temporaryCollection } from '../../src/collections/definitions';
import { getMockStats } from '../../src/harness';
import { MOCK_ACCOUNT, MOCK_AGENCIES, MOCK_AKSK } from '../../src/mock/fixtures';
import { describeFailures, envValue, onlyFolders, run, useMockCloud, withEnvValues } from './helpers';

/** Temporary mode end to end: securitytokens from AK/SK, from a token, by assume_role; caching, refresh, failing closed. */
const mock = useMockCloud();
const [agency] = MOCK_AGENCIES;
const fromAksk = onlyFolders(temporaryCollection, ['Temporary keys from your AK/SK']);
const AKSK_IDENTITY = `aksk:${MOCK_AKSK.ak}`;

describe('temporary collection against the mock cloud', () => {
  it('one securitytokens call per identity (AK/SK, token, agency) and one IAM token; every request signed with temporary keys', async () => {
    const result = await run(mock, temporaryCollection, 'temporary');
    expect(describeFailures(result)).toEqual([]);
    expect(result.stats.securityTokenRequestsByIdentity).toEqual({
      [AKSK_IDENTITY]: 1,
      [`token:${MOCK_ACCOUNT.user.name}`]: 1,
      [`${AKSK_IDENTITY} -> ${agency.domainName}/${agency.name}`]: 1,
    });
    expect(result.stats.iamTokenRequests).toBe(1);
    const gateway = result.stats.verdicts.filter((v) => v.path.startsWith('/v1/temporary/'));
    expect(gateway).toHaveLength(5);
    expect(gateway.every((v) => v.ok && v.auth === 'aksk')).toBe(true);
  });

  it('a warm rerun with the exported environment asks IAM nothing', async () => {
    const first = await run(mock, temporaryCollection, 'temporary-warm-1');
    expect(describeFailures(first)).toEqual([]);
    expect(envValue(first.environment, 'hwc_temporary_cache')).toEqual(expect.any(String));
    const before = await getMockStats(mock.url);
    const second = await run(mock, onlyFolders(temporaryCollection, ['Temporary keys from your AK/SK', 'Temporary keys from your IAM token', 'Delegated access (assume_role)']), 'temporary-warm-2', {
      environment: first.environment,
      resetMock: false,
    });
    expect(describeFailures(second)).toEqual([]);
    expect(second.stats.securityTokenRequests - before.securityTokenRequests).toBe(0);
    expect(second.stats.iamTokenRequests - before.iamTokenRequests).toBe(0);
  });

  it.each([
    ['expired', -60_000],
    ['inside the 5-minute refresh margin', 120_000],
  ])('replaces cached temporary keys that are %s before using them', async (_what, leftMs) => {
    const first = await run(mock, fromAksk, 'temporary-refresh-1');
    expect(describeFailures(first)).toEqual([]);
    const cache = JSON.parse(String(envValue(first.environment, 'hwc_temporary_cache'))) as Record<string, { access: string; expiresAt: number }>;
    const [key, entry] = Object.entries(cache)[0]!;
    const aged = JSON.stringify({ [key]: { ...entry, expiresAt: Date.now() + leftMs } });
    const second = await run(mock, fromAksk, 'temporary-refresh-2', { environment: withEnvValues(first.environment, { hwc_temporary_cache: aged }) });
    expect(describeFailures(second)).toEqual([]);
    expect(second.stats.securityTokenRequestsByIdentity).toEqual({ [AKSK_IDENTITY]: 1 });
    const used = second.stats.verdicts.map((v) => v.ok);
    expect(used).toEqual([true, true]);
    const renewed = JSON.parse(String(envValue(second.environment, 'hwc_temporary_cache'))) as Record<string, { access: string }>;
    expect(renewed[key]!.access).not.toBe(entry.access);
  });

  it.each([
    ['a missing agency domain', { HUAWEICLOUD_AGENCY_NAME: agency.name }, 'hwc-auth: set HUAWEICLOUD_AGENCY_DOMAIN', 0],
    [
      'an agency IAM does not know',
      { HUAWEICLOUD_AGENCY_NAME: 'no-such-agency', HUAWEICLOUD_AGENCY_DOMAIN: agency.domainName },
      `hwc-auth: IAM found no agency no-such-agency in account ${agency.domainName}: check HUAWEICLOUD_AGENCY_NAME and HUAWEICLOUD_AGENCY_DOMAIN`,
      2,
    ],
    ['a duration IAM does not issue', { hwc_temporary_duration: '60' }, 'hwc-auth: fix hwc_temporary_duration', 0],
  ])('fails closed on %s: nothing reaches the gateway', async (_what, envOverrides, title, securityTokenCalls) => {
    const result = await run(mock, fromAksk, 'temporary-fail-closed', { envOverrides });
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.test ?? f.name)).toEqual([title, title]);
    expect(result.stats.gatewayRequests).toBe(0);
    expect(result.stats.securityTokenRequests).toBe(securityTokenCalls);
  });
});
