import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_ACCOUNT, MOCK_AGENCIES, MOCK_AKSK, MOCK_PROJECTS, startMockCloud, type MockCloud, type MockStats } from '../../src/mock';
import { collection, ensureBuilt, filesUnder, getItem, readJson, ROOT, runCli, tempDir, writeJson } from './helpers';

/**
 * `hwc-auth run --token-cache` beyond IAM tokens: the file also carries temporary keys (`hwc_temporary_cache`) and
 * looked-up project and account ids (`hwc_id_cache`). Counted at the mock: a cold run makes one securitytokens call
 * per identity and one lookup per AK and region (and one per account), a warm rerun with the file none. The file is
 * 0600; the temporary secret keys and security tokens it holds appear in no output, no report, no exported
 * environment. Through the real binary, with the generated temporary collection.
 */
ensureBuilt();
const [cnNorth4] = MOCK_PROJECTS;
const [agency] = MOCK_AGENCIES;
const AKSK_IDENTITY = `aksk:${MOCK_AKSK.ak}`;
const TEMPORARY_COLLECTION = join(ROOT, 'collections', 'huaweicloud-temporary.postman_collection.json');
/** The temporary collection's folders but its mock check (which counts the calls of a cold run). */
const TEMPORARY_FOLDERS = ['Temporary keys from your AK/SK', 'Temporary keys from your IAM token', 'Delegated access (assume_role)'];

interface CacheFile {
  hwcAuthTokenCache: number;
  tokens: Record<string, { token: string; expiresAt: number }>;
  temporary: Record<string, { access: string; secret: string; securityToken: string; expiresAt: number }>;
  ids: Record<string, string>;
}

describe('hwc-auth run --token-cache: temporary keys and looked-up ids', () => {
  let mock: MockCloud;
  const dir = tempDir('token-cache-keys');
  const file = join(dir, 'state', 'tokens.json');
  let lookupCollection: string;

  const stats = async (): Promise<MockStats> => (await (await fetch(`${mock.url}/__mock/stats`)).json()) as MockStats;

  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
    // AK/SK mode with a region and no project id: the project id, then (scope domain) the account id, looked up.
    lookupCollection = writeJson(
      join(dir, 'lookup.postman_collection.json'),
      collection('lookup', [
        getItem('project id looked up', '{{baseUrl}}/v1/lookup/servers', [
          "pm.test('X-Project-Id is the looked-up project id', () => {",
          '  pm.response.to.have.status(200);',
          `  pm.expect(pm.response.json().canonicalRequest).to.include(${JSON.stringify(`x-project-id:${cnNorth4.id}\n`)});`,
          '});',
          "pm.variables.set('hwc_token_scope', 'domain');",
        ]),
        getItem('account id looked up', '{{baseUrl}}/v3/lookup/global', [
          "pm.test('X-Domain-Id is the looked-up account id', () => {",
          '  pm.response.to.have.status(200);',
          `  pm.expect(pm.response.json().canonicalRequest).to.include(${JSON.stringify(`x-domain-id:${MOCK_ACCOUNT.domainId}\n`)});`,
          '});',
          "pm.variables.unset('hwc_token_scope');",
        ]),
      ]),
    );
  });
  afterAll(() => mock.close());

  function runTemporary(out: string) {
    return runCli(
      [
        'run', TEMPORARY_COLLECTION, ...TEMPORARY_FOLDERS.flatMap((f) => ['--folder', f]), '--env-var', `baseUrl=${mock.url}`, '-n', '2',
        '--token-cache', file,
        '-r', 'cli,json,junit', '--reporter-json-export', join(out, 'report.json'), '--reporter-junit-export', join(out, 'junit.xml'),
        '--export-environment', join(out, 'environment.json'),
      ],
      {
        env: {
          HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url,
          HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak,
          HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk,
          HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
          HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
          HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
          HUAWEICLOUD_PROJECT_NAME: cnNorth4.name,
        },
      },
    );
  }

  function runLookups(out: string) {
    return runCli(
      [
        'run', lookupCollection, '--env-var', `baseUrl=${mock.url}`, '-n', '2', '--token-cache', file,
        '-r', 'cli,json', '--reporter-json-export', join(out, 'report.json'), '--export-environment', join(out, 'environment.json'),
      ],
      { env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url, HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, HUAWEICLOUD_REGION: cnNorth4.name } },
    );
  }

  it('cold: one securitytokens call per identity, one lookup per AK and region; warm with the file: none; no key in any output', async () => {
    await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    const outs: Array<{ out: string; stdout: string; stderr: string }> = [];
    const keep = (out: string, r: { stdout: string; stderr: string }) => outs.push({ out, stdout: r.stdout, stderr: r.stderr });

    // cold, temporary keys: three identities (AK/SK, token, agency) over two iterations
    const cold = await runTemporary(join(dir, 'temporary-cold'));
    keep(join(dir, 'temporary-cold'), cold);
    expect(cold.stderr).toBe('');
    expect(cold.code).toBe(0);
    expect(cold.stdout).toMatch(/assertions\s*│\s*\d+\s*│\s*0/);
    expect((await stats()).securityTokenRequestsByIdentity).toEqual({
      [AKSK_IDENTITY]: 1,
      [`token:${MOCK_ACCOUNT.user.name}`]: 1,
      [`${AKSK_IDENTITY} -> ${agency.domainName}/${agency.name}`]: 1,
    });
    expect((await stats()).iamTokenRequests).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = readJson<CacheFile>(file);
    expect(saved.hwcAuthTokenCache).toBe(1);
    expect(Object.keys(saved.tokens)).toHaveLength(1);
    const keys = Object.values(saved.temporary);
    expect(keys).toHaveLength(3);
    for (const k of keys) {
      expect(k.secret.length).toBeGreaterThan(20);
      expect(k.securityToken.length).toBeGreaterThan(20);
      expect(k.expiresAt).toBeGreaterThan(Date.now() + 600_000);
    }

    // cold, lookups, with the same file: its temporary keys and token are kept
    const coldLookups = await runLookups(join(dir, 'lookup-cold'));
    keep(join(dir, 'lookup-cold'), coldLookups);
    expect(coldLookups.stderr).toBe('');
    expect(coldLookups.code).toBe(0);
    expect(coldLookups.stdout).toMatch(/assertions\s*│\s*4\s*│\s*0/);
    expect((await stats()).projectRequestsByIdentity).toEqual({ [`${AKSK_IDENTITY} name=${cnNorth4.name}`]: 1 });
    expect((await stats()).domainRequestsByIdentity).toEqual({ [AKSK_IDENTITY]: 1 });
    const withIds = readJson<CacheFile>(file);
    expect(withIds.temporary).toEqual(saved.temporary);
    expect(withIds.tokens).toEqual(saved.tokens);
    expect(withIds.ids).toEqual({
      [JSON.stringify([mock.url.toLowerCase(), MOCK_AKSK.ak, 'project', cnNorth4.name])]: cnNorth4.id,
      [JSON.stringify([mock.url.toLowerCase(), MOCK_AKSK.ak, 'domain'])]: MOCK_ACCOUNT.domainId,
    });

    // warm: the same two runs ask IAM nothing, and every request passes
    const before = await stats();
    const warm = await runTemporary(join(dir, 'temporary-warm'));
    keep(join(dir, 'temporary-warm'), warm);
    expect(warm.code).toBe(0);
    expect(warm.stdout).toMatch(/assertions\s*│\s*\d+\s*│\s*0/);
    const warmLookups = await runLookups(join(dir, 'lookup-warm'));
    keep(join(dir, 'lookup-warm'), warmLookups);
    expect(warmLookups.code).toBe(0);
    expect(warmLookups.stdout).toMatch(/assertions\s*│\s*4\s*│\s*0/);
    const after = await stats();
    expect(after.securityTokenRequests - before.securityTokenRequests).toBe(0);
    expect(after.iamTokenRequests - before.iamTokenRequests).toBe(0);
    expect(after.projectRequests - before.projectRequests).toBe(0);
    expect(after.domainRequests - before.domainRequests).toBe(0);
    expect(after.gatewayRequests - before.gatewayRequests).toBe(2 * 5 + 2 * 2);
    expect(after.verdicts.slice(before.verdicts.length).every((v) => v.ok)).toBe(true);
    expect(readJson<CacheFile>(file)).toEqual(withIds);

    // the temporary secret keys and security tokens (and the IAM token) nowhere but in the file
    const secrets = [...keys.flatMap((k) => [k.secret, k.securityToken]), ...Object.values(saved.tokens).map((t) => t.token)];
    for (const { out, stdout, stderr } of outs) {
      const written = filesUnder(out);
      expect(written.length).toBeGreaterThanOrEqual(2);
      for (const text of [stdout, stderr, ...written.map((f) => readFileSync(f, 'utf8'))]) {
        for (const secret of secrets) expect(text.includes(secret)).toBe(false);
      }
      const env = readJson<{ values: Array<{ key: string; value: string }> }>(join(out, 'environment.json'));
      expect(env.values.find((v) => v.key === 'hwc_temporary_cache')?.value).toBe('***');
      expect(env.values.find((v) => v.key === 'hwc_token_cache')?.value).toBe('***');
    }
    expect(filesUnder(join(dir, 'state'))).toEqual([file]);
  }, 240_000);
});
