import { akskCollection } from '../../src/collections/definitions';
import { getMockStats } from '../../src/harness';
import { MOCK_AKSK, MOCK_PROJECTS } from '../../src/mock/fixtures';
import { describeFailures, envValue, onlyFolders, run, useMockCloud } from './helpers';

/** Project and account ids looked up at IAM by AK/SK mode, end to end: once per AK and region, cached, fail closed. */
const mock = useMockCloud();
const lookups = onlyFolders(akskCollection, ['Project and account ids looked up']);
const basics = onlyFolders(akskCollection, ['Body modes']);
const [cnNorth4, apSoutheast1] = MOCK_PROJECTS;

describe('id lookups against the mock cloud', () => {
  it('looks each region up once per run, sends the ids signed, and names them in the console', async () => {
    const lines: string[] = [];
    const result = await run(mock, lookups, 'id-lookup', {
      listen: (emitter) => emitter.on('console', (_err: unknown, args: { messages: unknown[] }) => lines.push(args.messages.map(String).join(' '))),
    });
    expect(describeFailures(result)).toEqual([]);
    expect(result.stats.projectRequestsByIdentity).toEqual({
      [`aksk:${MOCK_AKSK.ak} name=${cnNorth4.name}`]: 1,
      [`aksk:${MOCK_AKSK.ak} name=${apSoutheast1.name}`]: 1,
    });
    expect(result.stats.domainRequestsByIdentity).toEqual({ [`aksk:${MOCK_AKSK.ak}`]: 1 });
    expect(lines).toContain(
      `hwc-auth: project id of ${cnNorth4.name} for AK ${MOCK_AKSK.ak} is ${cnNorth4.id} (looked up at IAM; set HUAWEICLOUD_SDK_PROJECT_ID to skip the lookup)`,
    );
    expect(JSON.parse(String(envValue(result.environment, 'hwc_id_cache')))).toEqual(
      expect.objectContaining({ [JSON.stringify([mock.url.toLowerCase(), MOCK_AKSK.ak, 'project', cnNorth4.name])]: cnNorth4.id }),
    );
  });

  it('none on a warm rerun with the exported environment', async () => {
    const first = await run(mock, basics, 'id-lookup-warm-1', { envOverrides: { HUAWEICLOUD_SDK_PROJECT_ID: '', HUAWEICLOUD_REGION: cnNorth4.name } });
    expect(describeFailures(first)).toEqual([]);
    expect(first.stats.projectRequests).toBe(1);
    expect(first.stats.verdicts.every((v) => v.ok)).toBe(true);
    const before = await getMockStats(mock.url);
    const second = await run(mock, basics, 'id-lookup-warm-2', { environment: first.environment, resetMock: false });
    expect(describeFailures(second)).toEqual([]);
    expect(second.stats.projectRequests - before.projectRequests).toBe(0);
  });

  it("fails closed on a region IAM does not know, with IAM's answer: nothing reaches the gateway", async () => {
    const result = await run(mock, basics, 'id-lookup-unknown-region', { envOverrides: { HUAWEICLOUD_SDK_PROJECT_ID: '', HUAWEICLOUD_REGION: 'xx-nowhere-1' } });
    expect(result.ok).toBe(false);
    const titles = [...new Set(result.failures.map((f) => f.test ?? f.name))];
    expect(titles).toEqual(['hwc-auth: IAM knows no project xx-nowhere-1: check HUAWEICLOUD_REGION']);
    expect(result.failures[0]!.message).toContain('IAM answered 200 no project named xx-nowhere-1 in the reply (none)');
    expect(result.stats.gatewayRequests).toBe(0);
  });
});
