import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS, startMockCloud, type MockCloud } from '../../src/mock';
import { collection, ensureBuilt, filesUnder, getItem, hasRealSigner, readJson, runCli, tempDir, writeJson } from './helpers';

/**
 * The secret grep: a collection whose own scripts try every way to leak the SK, the password, the security token
 * and the IAM token (console.log, console.error, test names, failure messages, environment variables), run by
 * `hwc-auth run` with every output Newman has. No secret may appear in any byte the run produced: stdout, stderr,
 * and every file under the run's working folder (reports, exported environment, newman/ defaults).
 */
ensureBuilt();
const describeWithSigner = hasRealSigner() ? describe : describe.skip;
const PROJECT = MOCK_PROJECTS[0];

const LEAKY_TEST = [
  "const h = (n) => pm.request.headers.get(n) || '';",
  "const secrets = [h('X-Auth-Token'), h('X-Security-Token'), pm.variables.get('HUAWEICLOUD_SDK_SK') || '',",
  "  pm.variables.get('HUAWEICLOUD_PASSWORD') || '', pm.variables.get('HUAWEICLOUD_SDK_SECURITY_TOKEN') || '', pm.variables.get('hwc_token_cache') || ''];",
  // the token reversed (not a secret form the CLI knows) lets the test recover the token to grep for it
  "pm.environment.set('leak_rev', h('X-Auth-Token').split('').reverse().join(''));",
  "pm.environment.set('leak_copy', secrets.join('|'));",
  "console.log('leak', secrets);",
  "console.error('leak', JSON.stringify(secrets));",
  "console.warn({ nested: { secrets } });",
  "pm.test('status 200', () => pm.response.to.have.status(200));",
  "pm.test('leak in name ' + secrets.join(' '), () => { throw new Error('leak in message ' + secrets.join(' ')); });",
];
const LEAKY_PREREQUEST = [
  "console.log('own pre-request code sees', pm.variables.get('HUAWEICLOUD_SDK_SK'), pm.variables.get('HUAWEICLOUD_PASSWORD'));",
];

interface RunEverything {
  dir: string;
  stdout: string;
  stderr: string;
  code: number | null;
  /** Every file written under the run's folder, by path. */
  files: Map<string, string>;
}

async function runWithEveryOutput(mock: MockCloud, name: string, env: Record<string, string>): Promise<RunEverything> {
  const dir = tempDir(`redact-${name}`);
  const c = writeJson(
    join(dir, 'leaky.postman_collection.json'),
    collection('leaky', [getItem('call', '{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/vpcs', LEAKY_TEST)], LEAKY_PREREQUEST),
  );
  const e = writeJson(join(dir, 'mock.postman_environment.json'), { name: 'mock', values: [{ key: 'baseUrl', value: mock.url, enabled: true }] });
  const inputs = new Set([c, e]);
  const r = await runCli(
    [
      'run', c, '-e', e, '-n', '2',
      '-r', 'cli,json,junit,progress',
      '--reporter-json-export', join(dir, 'out', 'report.json'),
      '--reporter-junit-export', join(dir, 'out', 'junit.xml'),
      '--export-environment', join(dir, 'out', 'environment.json'),
    ],
    { env: { ...env, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT.id }, cwd: dir },
  );
  const files = new Map<string, string>();
  for (const f of filesUnder(dir)) if (!inputs.has(f)) files.set(f, readFileSync(f, 'latin1'));
  return { dir, stdout: r.stdout, stderr: r.stderr, code: r.code, files };
}

function expectNoSecrets(run: RunEverything, secrets: Record<string, string>): void {
  expect(run.files.size).toBeGreaterThanOrEqual(3);
  const outputs: Array<[string, string]> = [['stdout', run.stdout], ['stderr', run.stderr], ...run.files];
  const leaks: string[] = [];
  for (const [what, secret] of Object.entries(secrets)) {
    expect(secret.length).toBeGreaterThan(8);
    for (const [where, text] of outputs) {
      if (text.includes(secret) || text.includes(encodeURIComponent(secret)) || text.includes(JSON.stringify(secret).slice(1, -1))) {
        leaks.push(`${what} in ${where}`);
      }
    }
  }
  expect(leaks).toEqual([]);
  // the leaks were attempted, and landed masked
  expect(run.stdout).toMatch(/leak in name [ *]*\*\*\*/);
  expect(run.stdout).toMatch(/leak in message [ *]*\*\*\*/);
  expect(run.files.get(join(run.dir, 'out', 'junit.xml'))).toMatch(/leak in message [ *]*\*\*\*/);
}

function exportedEnv(run: RunEverything): Record<string, string> {
  const env = readJson<{ values: Array<{ key: string; value: string }> }>(join(run.dir, 'out', 'environment.json'));
  return Object.fromEntries(env.values.map((v) => [v.key, v.value]));
}

describeWithSigner('no secret in anything hwc-auth run writes', () => {
  let mock: MockCloud;
  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
  });
  afterAll(() => mock.close());

  it('token mode: password, IAM token and token cache', async () => {
    const run = await runWithEveryOutput(mock, 'token', {
      HWC_AUTH_MODE: 'token',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url,
      HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
      HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
      HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
      HUAWEICLOUD_PROJECT_NAME: PROJECT.name,
    });
    expect(run.code).toBe(1); // the leaky test fails on purpose
    const env = exportedEnv(run);
    const token = (env.leak_rev ?? '').split('').reverse().join('');
    expect(token.length).toBeGreaterThan(100);
    expect(env.hwc_token_cache).toBe('***');
    expect(env.HUAWEICLOUD_PASSWORD).toBe('***');
    expect(env.leak_copy).toContain('***');
    expect(run.stdout).toMatch(/status 200/);
    expectNoSecrets(run, { password: MOCK_ACCOUNT.user.password, token });
  });

  it('temporary AK/SK: SK and security token', async () => {
    const tokenReply = await fetch(`${mock.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: MOCK_ACCOUNT.user.name, password: MOCK_ACCOUNT.user.password, domain: { name: MOCK_ACCOUNT.domainName } } } },
          scope: { project: { name: PROJECT.name } },
        },
      }),
    });
    const iamToken = tokenReply.headers.get('x-subject-token') ?? '';
    const tempReply = await fetch(`${mock.url}/v3.0/OS-CREDENTIAL/securitytokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': iamToken },
      body: JSON.stringify({ auth: { identity: { methods: ['token'], token: { duration_seconds: 900 } } } }),
    });
    expect(tempReply.status).toBe(201);
    const { credential } = (await tempReply.json()) as { credential: { access: string; secret: string; securitytoken: string } };
    const run = await runWithEveryOutput(mock, 'temporary', {
      HUAWEICLOUD_SDK_AK: credential.access,
      HUAWEICLOUD_SDK_SK: credential.secret,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: credential.securitytoken,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/AssertionError.*status 200/);
    expect(exportedEnv(run).HUAWEICLOUD_SDK_AK).toBe(credential.access);
    expectNoSecrets(run, { sk: credential.secret, securityToken: credential.securitytoken, iamToken });
  });

  it('permanent AK/SK: SK', async () => {
    const run = await runWithEveryOutput(mock, 'aksk', { HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk });
    expect(run.code).toBe(1);
    const report = readJson<{ run: { failures: Array<{ error: { test: string } }> } }>(join(run.dir, 'out', 'report.json'));
    const names = report.run.failures.map((f) => f.error.test);
    expect(names).toHaveLength(2);
    for (const name of names) expect(name).toMatch(/^leak in name [ *]*\*\*\*[ *]*$/);
    expectNoSecrets(run, { sk: MOCK_AKSK.sk });
  });
});
