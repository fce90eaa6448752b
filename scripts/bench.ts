/**
 * `npm run bench`: every figure is a ratio (or a difference) against a baseline measured in the same run,
 * alternating the two sides and taking medians. Goals from the issues are printed beside each figure.
 */
import { cpus } from 'node:os';
import { coreVsSdk } from './bench/coreVsSdk';
import { akskNewman, bigBodyNewman, tokenIamCalls, tokenNewman } from './bench/newmanBench';

const REQUESTS = 300;
const BIG_BODY_BYTES = 12 * 1024 * 1024;

function row(name: string, figure: string, goal: string, met: boolean): void {
  console.log(`${name.padEnd(46)} ${figure.padEnd(34)} goal ${goal.padEnd(10)} ${met ? 'met' : 'NOT MET'}`);
}

async function main(): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, node ${process.version}`);
  console.log('measuring (a few minutes)...\n');

  const aksk = await akskNewman(REQUESTS, 9);
  const big = await bigBodyNewman(BIG_BODY_BYTES, 9);
  const token = await tokenNewman(REQUESTS, 9);
  const iam = await tokenIamCalls(REQUESTS);
  const core = await coreVsSdk(2000, 15);

  console.log('figures: medians of alternated runs; in brackets the same from the fastest runs\n');
  row(`Newman, ${REQUESTS} mixed requests, AK/SK vs trivial`, `${aksk.ratio.toFixed(3)}x (fastest: ${aksk.minRatio.toFixed(3)}x)`, '<= 1.05x', aksk.ratio <= 1.05);
  row(`Newman, one ${(big.bodyBytes / 1048576).toFixed(0)} MB JSON body, added by signing`, `${big.addedMs.toFixed(0)} ms (fastest: ${big.minAddedMs.toFixed(0)} ms)`, '<= 150 ms', big.addedMs <= 150);
  row(`Newman, ${REQUESTS} mixed requests, token vs trivial`, `${token.ratio.toFixed(3)}x (fastest: ${token.minRatio.toFixed(3)}x)`, '<= 1.05x', token.ratio <= 1.05);
  row('IAM token calls, cold run (one identity)', String(iam.coldIam), '1', iam.coldIam === 1);
  row('IAM token calls, warm rerun (exported env)', `${iam.warmIam} (${iam.rejected} rejected)`, '0', iam.warmIam === 0 && iam.rejected === 0);
  row('core signRequest vs official SDK AKSKSigner.sign', `${core.ratio.toFixed(3)}x (fastest: ${core.minRatio.toFixed(3)}x)`, '<= 1.0x', core.ratio <= 1.0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
