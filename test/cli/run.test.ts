import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_AKSK, MOCK_PROJECTS, startMockCloud, type MockCloud } from '../../src/mock';
import { collection, ensureBuilt, getItem, hasRealSigner, readJson, runCli, tempDir, writeJson } from './helpers';

/**
 * `hwc-auth run` end to end: the real binary, the real built signer, Newman, the mock cloud. Credentials live only
 * in the child's process environment; the collection and environment files hold none.
 */
ensureBuilt();
const describeWithSigner = hasRealSigner() ? describe : describe.skip;

const PROJECT = MOCK_PROJECTS[0].id;
const AKSK_ENV = { HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };

const OWN_PREREQUEST = [
  "// the team's own code: runs before the signer, so the header it adds is signed",
  "pm.request.headers.add({ key: 'X-Team-Tag', value: 'team-a' });",
];

function teamCollection(): Record<string, unknown> {
  return collection(
    'cli run',
    [
      getItem('list vpcs', '{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/vpcs?limit=2', [
        "pm.test('signed and accepted', () => pm.response.to.have.status(200));",
        "pm.test('AK/SK', () => pm.expect(pm.response.json().auth).to.eql('aksk'));",
        "pm.test('own header signed: own code ran first', () => pm.expect(pm.response.json().signedHeaders).to.include('x-team-tag'));",
      ]),
    ],
    OWN_PREREQUEST,
  );
}

describeWithSigner('hwc-auth run against the mock cloud', () => {
  let mock: MockCloud;
  const dir = tempDir('run');
  let collectionFile: string;
  let envFile: string;

  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
    collectionFile = writeJson(join(dir, 'team.postman_collection.json'), teamCollection());
    envFile = writeJson(join(dir, 'mock.postman_environment.json'), {
      name: 'mock',
      values: [
        { key: 'baseUrl', value: mock.url, enabled: true },
        // placeholders, as a committed environment template has them: the process environment wins
        { key: 'HUAWEICLOUD_SDK_AK', value: '', enabled: true },
        { key: 'HUAWEICLOUD_SDK_SK', value: '', type: 'secret', enabled: true },
      ],
    });
  });
  afterAll(() => mock.close());

  it('signs with credentials from the process environment only; own code runs before the signer; exit 0', async () => {
    const junit = join(dir, 'reports', 'junit.xml');
    const r = await runCli(['run', collectionFile, '-e', envFile, '-r', 'cli,junit', '--reporter-junit-export', junit, '-n', '2'], {
      env: AKSK_ENV,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('own header signed: own code ran first');
    expect(r.stdout).toMatch(/assertions\s*│\s*6\s*│\s*0/);
    expect(readFileSync(junit, 'utf8')).toContain('<testsuites');
    // the files on disk still hold no credentials, and the collection was injected in memory only
    expect(readFileSync(collectionFile, 'utf8')).not.toContain('hwc-auth signer');
    expect(readFileSync(envFile, 'utf8')).not.toContain(MOCK_AKSK.ak);
  });

  it('runs an already injected collection as it is with --no-inject', async () => {
    const injected = join(dir, 'injected.json');
    expect((await runCli(['inject', collectionFile, '--out', injected])).code).toBe(0);
    const r = await runCli(['run', injected, '-e', envFile, '--no-inject', '-r', 'progress'], { env: AKSK_ENV });
    expect(r.code).toBe(0);
  });

  it('exits 1 when requests fail (wrong SK), and the wrong SK is masked', async () => {
    const wrongSk = 'WrongSecretKey-not-the-mock-one-0123456789';
    const exported = join(dir, 'wrong-env.json');
    const r = await runCli(['run', collectionFile, '-e', envFile, '--export-environment', exported], {
      env: { ...AKSK_ENV, HUAWEICLOUD_SDK_SK: wrongSk },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/401/);
    expect(r.stdout + r.stderr).not.toContain(wrongSk);
    const env = readJson<{ values: Array<{ key: string; value: string }> }>(exported);
    expect(env.values.find((v) => v.key === 'HUAWEICLOUD_SDK_SK')?.value).toBe('***');
    expect(env.values.find((v) => v.key === 'HUAWEICLOUD_SDK_AK')?.value).toBe(MOCK_AKSK.ak);
  });

  it('--env-var adds a non-secret variable; with no credentials the signer fails closed (exit 1, nothing sent)', async () => {
    const gatewayRequests = async (): Promise<number> =>
      ((await (await fetch(`${mock.url}/__mock/stats`)).json()) as { gatewayRequests: number }).gatewayRequests;
    const before = await gatewayRequests();
    const junit = join(dir, 'reports', 'no-credentials.xml');
    const r = await runCli(['run', collectionFile, '--env-var', `baseUrl=${mock.url}`, '-r', 'cli,junit', '--reporter-junit-export', junit]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/hwc-auth/);
    expect(await gatewayRequests()).toBe(before);
    // The skipped requests are in the JUnit report as failures, not a silent "0 tests".
    const xml = readFileSync(junit, 'utf8');
    expect(xml).toMatch(/<failure /);
    expect(xml).toMatch(/hwc-auth: /);
  });

  it('exits 2 for a missing environment file or iteration data file', async () => {
    const a = await runCli(['run', collectionFile, '-e', join(dir, 'nope.json')], { env: AKSK_ENV });
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/cannot read environment/);
    const b = await runCli(['run', collectionFile, '-e', envFile, '-d', join(dir, 'nope.csv')], { env: AKSK_ENV });
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/iteration data file .* does not exist/);
  });
});
