import { fixtureTarget, runWithPostmanCli } from './tier';
import { startMockCloud, type MockCloud } from '../../src/mock';
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
  });
});
