import { akskCollection } from '../../src/collections/definitions';
import { describeFailures, onlyFolders, run, useMockCloud } from './helpers';

/** hwc_signing_algorithm end to end: Newman, the built script and the mock gateway verifying each algorithm. */
const mock = useMockCloud();

describe('signing algorithms against the mock cloud', () => {
  it('signs with SDK-HMAC-SHA256, then V11-HMAC-SHA256, then SDK-HMAC-SM3, and the gateway verifies each', async () => {
    const result = await run(mock, onlyFolders(akskCollection, ['Signing algorithms']), 'algorithms');
    expect(describeFailures(result)).toEqual([]);
    expect(result.stats.verdicts.map((v) => [v.path, v.ok, v.algorithm])).toEqual([
      ['/v1/algorithms/default', true, 'SDK-HMAC-SHA256'],
      ['/v3.0/OS-USER/users', true, 'V11-HMAC-SHA256'],
      ['/v1/algorithms/sm3', true, 'SDK-HMAC-SM3'],
    ]);
  });

  it('fails closed when V11 has no region: nothing reaches the gateway', async () => {
    const result = await run(mock, onlyFolders(akskCollection, ['Body modes']), 'algorithms-v11-no-region', {
      envOverrides: { hwc_signing_algorithm: 'V11-HMAC-SHA256', hwc_signing_service: 'iam' },
    });
    expect(result.ok).toBe(false);
    expect(result.failures.map((f) => f.test ?? f.name)).toContain('hwc-auth: set HUAWEICLOUD_REGION');
    expect(result.stats.gatewayRequests).toBe(0);
  });
});
