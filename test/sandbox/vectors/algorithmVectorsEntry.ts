/**
 * Runs inside the Postman sandboxes (bundled by ../algorithms.test.ts with scripts/build.ts, the way
 * dist/prerequest.js is): the Go SDK's V11-HMAC-SHA256 and SDK-HMAC-SM3 vectors signed step by step with the core and
 * the sandbox's own SHA-256 and SM3 (the Go vectors sign only x-sdk-date, while the script always signs host).
 * Prints one JSON line: the Authorization of each request per algorithm. Test-only: never part of dist/.
 */
import {
  algorithmAuthorizationHeader,
  algorithmSignature,
  algorithmStringToSign,
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  derivationScope,
  derivedSigningKey,
  parseRawQuery,
  payloadHash,
  SDK_HMAC_SM3,
  V11_HMAC_SHA256,
  type SigningAlgorithm,
} from '../../../src/core';
import { sandboxSigningCrypto } from '../../../src/sandbox/sandboxSigningCrypto';

declare const console: { log(...args: unknown[]): void };

const DATE = '20060102T150405Z';
const REQUESTS = [
  { method: 'GET', path: '/path', query: 'limit=1', body: '' },
  { method: 'POST', path: '/path', query: 'key=value', body: '{"Name":"test","Id":1}\n' },
];

function authorization(algorithm: SigningAlgorithm, r: (typeof REQUESTS)[number]): string {
  const headers = canonicalHeaders([['X-Sdk-Date', DATE]]);
  const cr = canonicalRequest({
    method: r.method,
    canonicalUri: canonicalUri(r.path),
    canonicalQuery: canonicalQuery(parseRawQuery(r.query)),
    canonicalHeaders: headers.canonicalHeaders,
    signedHeaders: headers.signedHeaders,
    payloadHash: payloadHash(r.body, sandboxSigningCrypto, false, algorithm),
  });
  const scope = algorithm === V11_HMAC_SHA256 ? derivationScope(DATE, { regionId: 'test-region-1', service: 'demo' }) : undefined;
  const key = scope ? derivedSigningKey('AccessKey', 'SecretKey', scope, sandboxSigningCrypto) : 'SecretKey';
  const sts = algorithmStringToSign(algorithm, cr, DATE, sandboxSigningCrypto, scope);
  return algorithmAuthorizationHeader(algorithm, 'AccessKey', headers.signedHeaders, algorithmSignature(algorithm, sts, key, sandboxSigningCrypto), scope);
}

console.log(
  JSON.stringify({
    [V11_HMAC_SHA256]: REQUESTS.map((r) => authorization(V11_HMAC_SHA256, r)),
    [SDK_HMAC_SM3]: REQUESTS.map((r) => authorization(SDK_HMAC_SM3, r)),
  }),
);
