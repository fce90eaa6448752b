import { join } from 'node:path';
import { MOCK_ACCOUNT, MOCK_PROJECTS, startMockCloud, type MockCloud } from '../../src/mock';
import { collection, ensureBuilt, getItem, hasRealSigner, runCli, tempDir, writeJson } from './helpers';

/**
 * IAM that never answers must not hold a CI job: with hwc_iam_timeout_ms=1000 and an IAM (the mock, on loopback)
 * that answers after 600 s, `hwc-auth run` fails each request closed after 1 s and exits non-zero within seconds.
 * Without the request timeout hwc-auth run derives, the run would wait for the pending IAM calls (600 s).
 */
ensureBuilt();
const describeWithSigner = hasRealSigner() ? describe : describe.skip;
const PROJECT = MOCK_PROJECTS[0];

describeWithSigner('a hanging IAM does not hang hwc-auth run', () => {
  let mock: MockCloud;
  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
  });
  afterAll(() => mock.close());

  it('IAM silent for 600 s, hwc_iam_timeout_ms=1000: every request failed closed, exit 1 within a few seconds', async () => {
    const faults = await fetch(`${mock.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ iamDelayMs: 600_000 }),
    });
    expect(faults.status).toBe(200);
    const dir = tempDir('iam-hang');
    const items = ['first', 'second'].map((n) => getItem(n, `{{baseUrl}}/v1/${PROJECT.id}/vpcs`, ["pm.test('200', () => pm.response.to.have.status(200));"]));
    const file = writeJson(join(dir, 'c.postman_collection.json'), collection('hang', items));
    const r = await runCli(['run', file, '--env-var', `baseUrl=${mock.url}`], {
      env: {
        HWC_AUTH_MODE: 'token',
        HWC_IAM_TIMEOUT_MS: '1000',
        HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url,
        HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
        HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
        HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
        HUAWEICLOUD_PROJECT_NAME: PROJECT.name,
      },
      killAfterMs: 45_000,
    });
    expect(r.killed).toBe(false);
    expect(r.code).toBe(1);
    // node's start and Newman's load take a few seconds on a busy machine: the two IAM waits are 2 x (1 s + 1 s)
    expect(r.durationMs).toBeLessThan(20_000);
    // each request's failure: once as it happens, once in the failure table
    expect(r.stdout.match(/hwc-auth: IAM did not answer within 1000 ms/g) ?? []).toHaveLength(4);
    expect(r.stdout).toMatch(/assertions\s*│\s*2\s*│\s*2/);
    const stats = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as { gatewayRequests: number };
    expect(stats.gatewayRequests).toBe(0);
  }, 60_000);
});
