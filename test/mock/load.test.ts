import { CREDENTIAL_LIMITS } from '../../src/mock/shared/issuedCredentials';
import { MOCK_RSS_BOUND_BYTES, runMockLoad, spawnMock, type MockLoadResult, type MockProcess } from '../../src/lib/mockLoad';
import { ensureBuilt } from '../cli/helpers';

/**
 * The mock's memory bound under load, measured on `hwc-auth mock` (dist/cli.js) in its own process over loopback:
 * 10,000 token requests, then 40 concurrent AK/SK-signed 12 MB uploads. The full load (40,000 tokens) is
 * `npm run test:load` (scripts/load.ts), outside npm test for its time (20-40 s).
 */
const MB = 1024 * 1024;
let mock: MockProcess | undefined;
let result: MockLoadResult;

beforeAll(async () => {
  ensureBuilt(); // dist/cli.js, as users run the mock
  mock = await spawnMock();
  result = await runMockLoad(mock.url, { tokenRequests: 10_000, concurrency: 16, bigBodies: 40, bodyBytes: 12 * MB });
}, 120_000);
afterAll(() => mock?.stop());

describe('the mock under load', () => {
  it('did the work: every token issued, every 12 MB body verified and accepted', () => {
    expect(result.tokensIssued).toBe(10_000);
    expect(result.bodiesAccepted).toBe(40);
  });

  it(`keeps at most ${CREDENTIAL_LIMITS.tokens} tokens, and the tokens add little memory (before the bound: +146 MB)`, () => {
    expect(result.afterTokens.tokensKept).toBe(CREDENTIAL_LIMITS.tokens);
    expect(result.afterTokens.rssBytes - result.atStart.rssBytes).toBeLessThan(80 * MB);
  });

  it("measures the mock's own peak, not the jest worker's it was forked from", () => {
    expect(result.atStart.maxRssBytes).toBeLessThan(result.atStart.rssBytes + 16 * MB);
  });

  it(`peaks under the documented bound, ${MOCK_RSS_BOUND_BYTES / MB} MB RSS (before: 688 MB with the 40 bodies)`, () => {
    // eslint-disable-next-line no-console
    console.log(`mock RSS: ${(result.atStart.rssBytes / MB).toFixed(0)} MB at start, ${(result.afterTokens.rssBytes / MB).toFixed(0)} MB after 10,000 tokens, peak ${(result.afterBodies.maxRssBytes / MB).toFixed(0)} MB with 40 x 12 MB`);
    expect(result.afterBodies.maxRssBytes).toBeLessThan(MOCK_RSS_BOUND_BYTES);
  });
});
