/**
 * `npm run bench`: every figure is a ratio (or a difference) against a baseline measured in the same run,
 * alternating the two sides and taking medians. Goals from the issues are printed beside each figure.
 */
import { cpus } from 'node:os';
import { BUNDLED_HASH_FLOOR_SCRIPT, EVALUATED_ONLY_SCRIPT, MINIMAL_SIGNER_SCRIPT, PADDED_TRIVIAL_SCRIPT, POST_RESPONSE_SCRIPT, READABLE_SIGNER_SCRIPT, SIGNER_SCRIPT, TRIVIAL_SCRIPT, TRIVIAL_TEST_SCRIPT, WEBCRYPTO_FLOOR_SCRIPT } from './bench/collections';
import { fillerJsonBody, recordsJsonBody } from './bench/bodies';
import { coreVsSdk } from './bench/coreVsSdk';
import { akskNewman, bigBodyNewman, postResponseNewman, sm3BigBodyNewman, tokenIamCalls, tokenNewman } from './bench/newmanBench';
import { bigBodySandbox6, postResponseSandbox4, sm3BigBodySandbox6 } from './bench/sandboxBench';

const REQUESTS = 300;
const BIG_BODY_BYTES = 12 * 1024 * 1024;

function row(name: string, figure: string, goal: string, met: boolean | undefined): void {
  const verdict = met === undefined ? '' : met ? 'met' : 'NOT MET';
  console.log(`${name.padEnd(58)} ${figure.padEnd(34)} ${goal ? `goal ${goal.padEnd(10)}` : ''.padEnd(15)} ${verdict}`);
}

const ratio = (r: { ratio: number; minRatio: number }) => `${r.ratio.toFixed(3)}x (fastest: ${r.minRatio.toFixed(3)}x)`;
const sm3Ratio = (r: { ratio: number; minRatio: number; referenceMs: number; candidateMs: number }) =>
  `${r.ratio.toFixed(2)}x (${r.candidateMs.toFixed(0)} / ${r.referenceMs.toFixed(0)} ms; fastest ${r.minRatio.toFixed(2)}x)`;
const addedPerRequest = (r: { addedMsPerRequest: number; minAddedMsPerRequest: number; addedCpuMsPerRequest: number; ratio: number }) =>
  `${r.addedMsPerRequest.toFixed(3)} ms, ${r.ratio.toFixed(3)}x (fastest: ${r.minAddedMsPerRequest.toFixed(3)} ms; CPU: ${r.addedCpuMsPerRequest.toFixed(3)} ms)`;
const added = (r: { addedMs: number; minAddedMs: number }) => `${r.addedMs.toFixed(0)} ms (fastest: ${r.minAddedMs.toFixed(0)} ms)`;
const floorAdded = (r: { floorAddedMs: number; floorMinAddedMs: number }) => added({ addedMs: r.floorAddedMs, minAddedMs: r.floorMinAddedMs });
const overFloor = (r: { overFloorMs: number; minOverFloorMs: number }) => added({ addedMs: r.overFloorMs, minAddedMs: r.minOverFloorMs });

async function main(): Promise<void> {
  // tsx turns source maps on in this process, and with them on Node scans every script compiled from a string (the
  // sandbox 4.x runs each script execution through `Function`) for a sourceURL comment: a cost that grows with the
  // script's text and that `newman run`, with source maps off, does not have (0.1-0.2 ms per execution of the paste
  // form, docs/benchmarks.md). Stack traces here lose their TypeScript lines.
  process.setSourceMapsEnabled(false);
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown cpu'}, ${cpus().length} cores, node ${process.version}`);
  console.log('measuring (a few minutes)...\n');

  const pasteElement = await akskNewman(REQUESTS, 9, 'one element');
  const pasteLines = await akskNewman(REQUESTS, 9, 'line by line');
  const readableLines = await akskNewman(REQUESTS, 9, 'line by line', READABLE_SIGNER_SCRIPT);
  const floor = await akskNewman(REQUESTS, 9, 'one element', MINIMAL_SIGNER_SCRIPT);
  const textAlone = await akskNewman(REQUESTS, 9, 'one element', PADDED_TRIVIAL_SCRIPT);
  const evaluatedOnly = await akskNewman(REQUESTS, 9, 'one element', EVALUATED_ONLY_SCRIPT);
  const big = await bigBodyNewman(fillerJsonBody(BIG_BODY_BYTES), 9, BUNDLED_HASH_FLOOR_SCRIPT);
  const bigRecords = await bigBodyNewman(recordsJsonBody(BIG_BODY_BYTES), 9, BUNDLED_HASH_FLOOR_SCRIPT);
  const big6 = await bigBodySandbox6(fillerJsonBody(BIG_BODY_BYTES), 25, SIGNER_SCRIPT, WEBCRYPTO_FLOOR_SCRIPT, TRIVIAL_SCRIPT);
  const big6Records = await bigBodySandbox6(recordsJsonBody(BIG_BODY_BYTES), 9, SIGNER_SCRIPT, WEBCRYPTO_FLOOR_SCRIPT, TRIVIAL_SCRIPT);
  const sm3 = await sm3BigBodyNewman(BIG_BODY_BYTES, 9);
  const sm3Sandbox6 = await sm3BigBodySandbox6(BIG_BODY_BYTES, 9, SIGNER_SCRIPT, TRIVIAL_SCRIPT);
  const token = await tokenNewman(REQUESTS, 9);
  const postResponse = await postResponseNewman(REQUESTS, 21);
  const postResponse4 = await postResponseSandbox4(REQUESTS, 9, POST_RESPONSE_SCRIPT, TRIVIAL_TEST_SCRIPT);
  const iam = await tokenIamCalls(REQUESTS);
  const core = await coreVsSdk(2000, 15);

  console.log('figures: medians of alternated runs; in brackets the same from the fastest runs (and, per request, the process CPU time)\n');
  const mb = (big.bodyBytes / 1048576).toFixed(0);
  row(`Newman, ${REQUESTS} mixed requests, AK/SK vs trivial: paste form, one element`, ratio(pasteElement), '<= 1.02x', pasteElement.ratio <= 1.02);
  row(`Newman, ${REQUESTS} mixed requests, AK/SK vs trivial: paste form, line by line`, ratio(pasteLines), '<= 1.03x', pasteLines.ratio <= 1.03);
  row(`Newman, ${REQUESTS} mixed requests, AK/SK vs trivial: readable build, line by line`, ratio(readableLines), '', undefined);
  row(`Newman, ${REQUESTS} mixed requests, the floor: a minimal CryptoJS signer vs trivial`, ratio(floor), '', undefined);
  row(`Newman, ${REQUESTS} mixed requests, the text alone: trivial + a comment as long as the paste form`, ratio(textAlone), '', undefined);
  row(`Newman, ${REQUESTS} mixed requests, the paste form evaluated, not run (every mode's code, no signing)`, ratio(evaluatedOnly), '', undefined);
  row(`Newman (sandbox 4.x), one ${mb} MB JSON body, added by signing`, added(big), '<= 60 ms', big.addedMs <= 60);
  row(`Newman, the same, the floor: the bundled SHA-256 alone, added`, floorAdded(big), '', undefined);
  row(`Newman, the same, the signer over the floor`, overFloor(big), '', undefined);
  row(`Newman, ${mb} MB of JSON records with URLs (the comment pass at work), added (floor: ${bigRecords.floorAddedMs.toFixed(0)} ms)`, added(bigRecords), '', undefined);
  row(`sandbox 6.x (app, Postman CLI), one ${mb} MB JSON body, added`, added(big6), '<= 30 ms', big6.addedMs <= 30);
  row(`sandbox 6.x, the same, the floor: TextEncoder + WebCrypto digest alone, added`, floorAdded(big6), '', undefined);
  row(`sandbox 6.x, the same, the signer over the floor`, overFloor(big6), '', undefined);
  row(`sandbox 6.x, ${mb} MB of JSON records with URLs, added (floor: ${big6Records.floorAddedMs.toFixed(0)} ms)`, added(big6Records), '', undefined);
  row(`Newman (sandbox 4.x), ${mb} MB body, SM3 vs SHA-256 (both bundled JS)`, sm3Ratio(sm3), '<= 3x', sm3.ratio <= 3);
  row(`sandbox 6.x, ${mb} MB body, SM3 (bundled) vs SHA-256 (WebCrypto)`, sm3Ratio(sm3Sandbox6), '', undefined);
  row(`Newman, ${REQUESTS} mixed requests, token vs trivial (one element)`, ratio(token), '<= 1.02x', token.ratio <= 1.02);
  row(`Newman, ${REQUESTS} signed requests, post-response script vs trivial test: added per request`, addedPerRequest(postResponse), '<= 0.2 ms', postResponse.addedMsPerRequest <= 0.2);
  row(`sandbox 4.x (Newman's) alone, the same, ${REQUESTS} executions of a 200`, addedPerRequest(postResponse4), '', undefined);
  row('IAM token calls, cold run (one identity)', String(iam.coldIam), '1', iam.coldIam === 1);
  row('IAM token calls, warm rerun (exported env)', `${iam.warmIam} (${iam.rejected} rejected)`, '0', iam.warmIam === 0 && iam.rejected === 0);
  row('core signRequest vs official SDK AKSKSigner.sign', ratio(core), '<= 0.8x', core.ratio <= 0.8);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
