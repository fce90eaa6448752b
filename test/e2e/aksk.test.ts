import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { akskCollection } from '../../src/collections/definitions';
import { MOCK_AKSK } from '../../src/mock/fixtures';
import { getMockStats } from '../../src/harness';
import { describeFailures, gatewayRequestCount, onlyFolders, REPORT_DIR, run, useMockCloud } from './helpers';

/** The AK/SK collection end to end: Newman runs the built script against the mock gateway. */

const mock = useMockCloud();
const REJECTED_PATHS = ['/v1/rejections/wrong-sk', '/v1/rejections/old-date'];

describe('AK/SK collection against the mock cloud', () => {
  it('passes every assertion, and the gateway accepts every signed request', async () => {
    const result = await run(mock, akskCollection, 'aksk');
    expect(describeFailures(result)).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.assertions).toBeGreaterThan(40);
    expect(result.iamCalls).toBe(0);

    const { verdicts, gatewayRequests } = result.stats;
    expect(gatewayRequests).toBe(gatewayRequestCount(akskCollection));
    const accepted = verdicts.filter((v) => !REJECTED_PATHS.includes(v.path));
    expect(accepted.filter((v) => !v.ok)).toEqual([]);
    expect(accepted.every((v) => v.auth === 'aksk' && v.status === 200)).toBe(true);
  });

  it('asserts the expected rejections: wrong SK and an old signing date answer 401 APIGW.0301', async () => {
    const definition = onlyFolders(akskCollection, ['Expected rejections']);
    const result = await run(mock, definition, 'aksk-rejections');
    expect(describeFailures(result)).toEqual([]);
    const rejected = result.stats.verdicts.filter((v) => REJECTED_PATHS.includes(v.path));
    expect(rejected.map((v) => [v.path, v.ok, v.status, v.code])).toEqual([
      ['/v1/rejections/wrong-sk', false, 401, 'APIGW.0301'],
      ['/v1/rejections/old-date', false, 401, 'APIGW.0301'],
    ]);
  });

  it('signs with temporary keys obtained from IAM (X-Security-Token)', async () => {
    const definition = onlyFolders(akskCollection, ['Temporary security credentials']);
    const result = await run(mock, definition, 'aksk-temporary');
    expect(describeFailures(result)).toEqual([]);
    expect(result.stats.verdicts.map((v) => v.ok)).toEqual([true, true]);
  });

  it('fails closed without an SK: the run fails and nothing reaches the gateway', async () => {
    const definition = onlyFolders(akskCollection, ['Body modes', 'Query and path edge cases']);
    const result = await run(mock, definition, 'aksk-missing-sk', { envOverrides: { HUAWEICLOUD_SDK_SK: '' } });
    expect(result.ok).toBe(false);
    const items = definition.folders.flatMap((f) => f.items).length;
    const authFailures = result.failures.filter((f) => (f.test ?? '').startsWith('hwc-auth: '));
    expect(authFailures).toHaveLength(items);
    expect(authFailures[0]?.message).toMatch(/HUAWEICLOUD_SDK_SK/);
    expect(result.stats.gatewayRequests).toBe(0);
    expect(result.stats.verdicts).toEqual([]);
    const stats = await getMockStats(mock.url);
    expect(stats.gatewayRequests).toBe(0);
    // The JUnit report lists every skipped request with its failing hwc-auth test (Newman alone leaves them out).
    const junit = readFileSync(join(REPORT_DIR, 'aksk-missing-sk.xml'), 'utf8');
    expect(junit.match(/<testsuite /g)).toHaveLength(items);
    expect(junit.match(/<failure /g)).toHaveLength(items);
    expect(junit).toContain('hwc-auth: set HUAWEICLOUD_SDK_SK');
  });

  it('never prints the secret key in failure messages', async () => {
    const result = await run(mock, onlyFolders(akskCollection, ['Body modes']), 'aksk-no-ak', {
      envOverrides: { HUAWEICLOUD_SDK_AK: '' },
    });
    expect(result.ok).toBe(false);
    const text = JSON.stringify(result.failures);
    expect(text.includes(MOCK_AKSK.sk)).toBe(false);
    expect(result.stats.gatewayRequests).toBe(0);
  });
});
