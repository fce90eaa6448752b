import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureTarget, runWithPostmanCli } from './tier';
import { buildCollectionJson } from '../../src/collections/builder';
import { tokenCollection, type CollectionDefinition } from '../../src/collections/definitions';
import { readBuiltScripts } from '../../src/collections/generate';
import { mockEnvironment } from '../../src/collections/mockEnvironment';
import { startMockCloud, type MockCloud, type MockStats } from '../../src/mock';
import { ensureBuilt, hasRealSigner, tempDir } from '../cli/helpers';

/** The Postman CLI tier's runner on the fixture smoke collection: passes when signed right, fails when not. */
ensureBuilt();
const describeWithSigner = hasRealSigner() ? describe : describe.skip;
jest.setTimeout(120_000);

describeWithSigner('Postman CLI (sandbox 6.x) against the mock cloud', () => {
  let mock: MockCloud;
  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
  });
  afterAll(() => mock.close());

  it('runs the injected signer in `postman collection run` without login: exit 0', async () => {
    const work = tempDir('postman-cli');
    const r = await runWithPostmanCli(fixtureTarget(mock.url, work), work);
    expect(r.output).toMatch(/Pass\s+signed with AK\/SK/);
    expect(r.output).not.toMatch(/Fail /);
    expect(r.code).toBe(0);
  });

  it('exits non-zero when the gateway rejects the signature (wrong SK)', async () => {
    const work = tempDir('postman-cli-bad');
    const target = fixtureTarget(mock.url, work);
    const values = (target.environment as { values: Array<{ key: string; value: string }> }).values;
    values.find((v) => v.key === 'HUAWEICLOUD_SDK_SK')!.value = 'NotTheMockSecretKey-0000000000000000000';
    const r = await runWithPostmanCli(target, work);
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/401/);
    // the post-response script's doctor, in sandbox 6.x: same canonical request, so the SK is the culprit
    expect(r.output).toMatch(/hwc-auth: everything matches: the SK does not belong to this AK/);
  });
});

describeWithSigner('the response side in the Postman CLI (sandbox 6.x)', () => {
  let mock: MockCloud;
  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
  });
  afterAll(() => mock.close());

  it('a token revoked mid-run: the request is sent again (setNextRequest) with a fresh token, the run is green', async () => {
    const work = tempDir('postman-cli-revoked');
    const revoke = [
      "pm.sendRequest({ url: pm.variables.get('baseUrl') + '/__mock/revoke-tokens', method: 'POST' }, function (err) {",
      "  pm.test('revoked', function () { pm.expect(err).to.equal(null); });",
      '});',
    ];
    const definition: CollectionDefinition = {
      slug: 'postman-cli-revoked',
      name: 'token revoked mid-run',
      description: '',
      variables: [{ key: 'hwc_auth_mode', value: 'token', description: '' }],
      environment: tokenCollection.environment,
      folders: [
        {
          name: 'calls',
          description: '',
          items: [1, 2, 3, 4].map((i) => ({
            name: `GET ${i}`,
            description: '',
            method: 'GET' as const,
            url: `{{baseUrl}}/v1/postman-cli/${i}`,
            expect: { kind: 'accepted' as const, auth: 'token' as const, method: 'GET' as const },
            ...(i === 2 && { tests: revoke }),
          })),
        },
      ],
    };
    const collectionFile = join(work, 'revoked.postman_collection.json');
    writeFileSync(collectionFile, JSON.stringify(buildCollectionJson(definition, readBuiltScripts())));
    const r = await runWithPostmanCli({ name: 'revoked', collectionFile, environment: mockEnvironment(definition, mock.url) }, work);
    const stats = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as MockStats;
    expect(stats.iamTokenRequests).toBe(2);
    expect(stats.verdicts.map((v) => [v.path, v.status])).toEqual([
      ['/v1/postman-cli/1', 200],
      ['/v1/postman-cli/2', 200],
      ['/v1/postman-cli/3', 401],
      ['/v1/postman-cli/3', 200],
      ['/v1/postman-cli/4', 200],
    ]);
    expect(r.output).not.toMatch(/Fail /);
    expect(r.code).toBe(0);
  });
});
