/**
 * `npm run test:load`: the mock's memory bound under the full load (src/lib/mockLoad.ts FULL_MOCK_LOAD: 40,000
 * token requests, then 40 concurrent AK/SK-signed 12 MB uploads) on `hwc-auth mock` in its own process, over
 * loopback. Prints the mock's RSS; exits 1 when the peak passes MOCK_RSS_BOUND_BYTES or the load did not do its work.
 * npm test runs a smaller load (test/mock/load.test.ts).
 */
import { FULL_MOCK_LOAD, MOCK_RSS_BOUND_BYTES, runMockLoad, spawnMock } from '../src/lib/mockLoad';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<number> {
  const mock = await spawnMock();
  try {
    const load = FULL_MOCK_LOAD;
    process.stdout.write(`mock at ${mock.url}: ${load.tokenRequests} token requests (${load.concurrency} at a time), then ${load.bigBodies} concurrent ${mb(load.bodyBytes)} uploads\n`);
    const r = await runMockLoad(mock.url, load);
    const rows = [
      ['at start', r.atStart],
      [`after ${r.tokensIssued} tokens (${r.tokensMs} ms)`, r.afterTokens],
      [`after ${r.bodiesAccepted} uploads (${r.bodiesMs} ms)`, r.afterBodies],
    ] as const;
    for (const [label, m] of rows) {
      process.stdout.write(`  ${label.padEnd(36)} RSS ${mb(m.rssBytes).padStart(9)}  peak ${mb(m.maxRssBytes).padStart(9)}  heap ${mb(m.heapUsedBytes).padStart(8)}  tokens kept ${m.tokensKept}\n`);
    }
    const done = r.tokensIssued === load.tokenRequests && r.bodiesAccepted === load.bigBodies;
    const within = r.afterBodies.maxRssBytes < MOCK_RSS_BOUND_BYTES;
    process.stdout.write(`peak RSS ${mb(r.afterBodies.maxRssBytes)}: ${within ? 'within' : 'OVER'} the bound of ${mb(MOCK_RSS_BOUND_BYTES)}${done ? '' : '; the load did not complete'}\n`);
    return done && within ? 0 : 1;
  } finally {
    await mock.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`load: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
