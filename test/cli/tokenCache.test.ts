import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_ACCOUNT, MOCK_PROJECTS, startMockCloud, type MockCloud, type MockStats } from '../../src/mock';
import { collection, ensureBuilt, filesUnder, getItem, readJson, runCli, tempDir, writeJson } from './helpers';

/**
 * `hwc-auth run --token-cache`: warm reruns through the CLI. Two consecutive runs in token mode against the mock:
 * the first asks IAM once, the second not at all; the file is the user's only (0600), holds only the tokens, and
 * never shows up in reports or the exported environment. Through the real binary.
 */
ensureBuilt();
const PROJECT = MOCK_PROJECTS[0];

const TOKEN_ENV = {
  HWC_AUTH_MODE: 'token',
  HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
  HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
  HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
  HUAWEICLOUD_PROJECT_NAME: PROJECT.name,
};

describe('hwc-auth run --token-cache', () => {
  let mock: MockCloud;
  const dir = tempDir('token-cache');
  let collectionFile: string;

  const stats = async (): Promise<MockStats> => (await (await fetch(`${mock.url}/__mock/stats`)).json()) as MockStats;

  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
    collectionFile = writeJson(
      join(dir, 'token.postman_collection.json'),
      collection('token', [
        getItem('list vpcs', `{{baseUrl}}/v1/${PROJECT.id}/vpcs`, ["pm.test('accepted with a token', () => { pm.response.to.have.status(200); pm.expect(pm.response.json().auth).to.eql('token'); });"]),
      ]),
    );
  });
  afterAll(() => mock.close());

  function run(tokenCacheArgs: string[], out: string, env: Record<string, string> = {}) {
    return runCli(
      [
        'run', collectionFile, '--env-var', `baseUrl=${mock.url}`, '-n', '2', ...tokenCacheArgs,
        '-r', 'cli,json,junit', '--reporter-json-export', join(out, 'report.json'), '--reporter-junit-export', join(out, 'junit.xml'),
        '--export-environment', join(out, 'environment.json'),
      ],
      { env: { ...TOKEN_ENV, HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url, ...env } },
    );
  }

  it('a warm rerun makes no IAM call; the file is 0600 and appears in no report', async () => {
    const file = join(dir, 'state', 'tokens.json');
    await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });

    const first = await run(['--token-cache', file], join(dir, 'first'));
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect((await stats()).iamTokenRequests).toBe(1);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'state')).mode & 0o777).toBe(0o700);
    const saved = readJson<{ hwcAuthTokenCache: number; tokens: Record<string, { token: string; expiresAt: number }> }>(file);
    expect(saved.hwcAuthTokenCache).toBe(1);
    const entries = Object.values(saved.tokens);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.token.length).toBeGreaterThan(100);
    expect(entries[0]!.expiresAt).toBeGreaterThan(Date.now() + 3600_000);

    const second = await run(['--token-cache', file], join(dir, 'second'));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/assertions\s*│\s*2\s*│\s*0/);
    expect((await stats()).iamTokenRequests).toBe(1);

    const token = entries[0]!.token;
    for (const out of ['first', 'second']) {
      const written = filesUnder(join(dir, out));
      expect(written.length).toBe(3);
      for (const f of written) expect([f, readFileSync(f, 'utf8').includes(token)]).toEqual([f, false]);
      const env = readJson<{ values: Array<{ key: string; value: string }> }>(join(dir, out, 'environment.json'));
      expect(env.values.find((v) => v.key === 'hwc_token_cache')?.value).toBe('***');
    }
    expect(first.stdout + first.stderr + second.stdout + second.stderr).not.toContain(token);
  });

  it('without the option, each run asks IAM again (the exported environment holds the cache masked)', async () => {
    await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect((await run([], join(dir, 'cold1'))).code).toBe(0);
    expect((await run(['-e', join(dir, 'cold1', 'environment.json')], join(dir, 'cold2'))).code).toBe(0);
    expect((await stats()).iamTokenRequests).toBe(2);
  });

  it('without a file: $XDG_CACHE_HOME/hwc-auth/tokens.json', async () => {
    const cacheHome = tempDir('xdg');
    await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect((await run(['--token-cache'], join(dir, 'xdg1'), { XDG_CACHE_HOME: cacheHome })).code).toBe(0);
    expect((await run(['--token-cache'], join(dir, 'xdg2'), { XDG_CACHE_HOME: cacheHome })).code).toBe(0);
    expect((await stats()).iamTokenRequests).toBe(1);
    expect(statSync(join(cacheHome, 'hwc-auth', 'tokens.json')).mode & 0o777).toBe(0o600);
  });

  it('drops expired tokens, and refuses (2) a file that is not a token cache instead of overwriting it', async () => {
    const file = join(dir, 'expired.json');
    writeFileSync(file, JSON.stringify({ hwcAuthTokenCache: 1, tokens: { someone: { token: 'old-token-value-000000', expiresAt: Date.now() - 1000 } } }));
    expect((await run(['--token-cache', file], join(dir, 'expired'))).code).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('old-token-value');
    const notOurs = join(dir, 'notes.json');
    writeFileSync(notOurs, '{"my": "notes"}');
    const r = await run(['--token-cache', notOurs], join(dir, 'refused'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not a hwc-auth token cache');
    expect(readFileSync(notOurs, 'utf8')).toBe('{"my": "notes"}');
  });
});
