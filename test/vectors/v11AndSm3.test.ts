import sm3Reference from 'sm-crypto';
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
  parseUrl,
  payloadHash,
  verifySignature,
  V11_HMAC_SHA256,
  SDK_HMAC_SM3,
  parseSignedAuthorization,
  type SigningAlgorithm,
  type SigningCrypto,
} from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { loadPublishedVectors, requestFromCanonical, type PublishedVector } from './published';

/**
 * Huawei's Go SDK vectors for V11-HMAC-SHA256 (derived_signer_test.go) and SDK-HMAC-SM3 (sm3_signer_test.go): the
 * same two requests as signer_test's testParam1/2, signed through the core with two independent crypto back ends
 * (Node's OpenSSL, and sm-crypto from npm for SM3), then verified back.
 */
const all = loadPublishedVectors();
const requests = ['go sdk signer_test testParam1', 'go sdk signer_test testParam2'].map((name) => all.find((v) => v.name === name)!);
const v11 = all.find((v) => v.name === 'go sdk derived_signer_test (V11)')!;
const sm3 = all.find((v) => v.name === 'go sdk sm3_signer_test (SDK-HMAC-SM3)')!;

const hex = (bytes: Uint8Array | string): string => (typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes)).toString('hex');
/** SM3 from the npm registry (sm-crypto), SHA-256 from Node: an SM3 implementation independent of ours and OpenSSL's. */
const smCryptoBackend: SigningCrypto = {
  ...nodeCrypto,
  sm3Hex: (data) => sm3Reference.sm3(typeof data === 'string' ? data : Array.from(data)),
  hmacSm3Hex: (key, message) => sm3Reference.sm3(Array.from(message), { key: hex(key) }),
};

/**
 * The Go SDK tests sign a request whose only header is X-Sdk-Date (signRequest always adds Host), so the steps are
 * run one by one: the canonical request with the algorithm's payload hash, the string to sign, the key, the header.
 */
function sign(v: PublishedVector, request: PublishedVector, algorithm: SigningAlgorithm, crypto: SigningCrypto): { authorization: string } {
  const req = requestFromCanonical(request);
  const url = parseUrl(req.url);
  const headers = canonicalHeaders([['X-Sdk-Date', v.sdkDate]]);
  const cr = canonicalRequest({
    method: req.method,
    canonicalUri: canonicalUri(url.path),
    canonicalQuery: canonicalQuery(parseRawQuery(url.query)),
    canonicalHeaders: headers.canonicalHeaders,
    signedHeaders: headers.signedHeaders,
    payloadHash: payloadHash(req.body, crypto, false, algorithm),
  });
  const scope = v.regionId ? derivationScope(v.sdkDate, { regionId: v.regionId, service: v.service! }) : undefined;
  const key = scope ? derivedSigningKey(v.ak, v.sk, scope, crypto) : v.sk;
  const sig = algorithmSignature(algorithm, algorithmStringToSign(algorithm, cr, v.sdkDate, crypto, scope), key, crypto);
  return { authorization: algorithmAuthorizationHeader(algorithm, v.ak, headers.signedHeaders, sig, scope) };
}

describe.each([
  ['V11-HMAC-SHA256', v11, V11_HMAC_SHA256],
  ['SDK-HMAC-SM3', sm3, SDK_HMAC_SM3],
] as const)('official %s vectors through the core', (_name, vector, algorithm) => {
  it('has two Authorization values, one per Go SDK request', () => {
    expect(vector.authorization).toHaveLength(2);
  });

  it.each([
    ['Node crypto', nodeCrypto as SigningCrypto],
    ['sm-crypto (npm) for SM3', smCryptoBackend],
  ])('reproduces both with %s', (_backend, crypto) => {
    requests.forEach((request, i) => {
      const result = sign(vector, request, algorithm, crypto);
      expect(result.authorization).toBe((vector.authorization as string[])[i]);
    });
  });

  it('verifies what it signs and refuses a wrong SK', () => {
    requests.forEach((request, i) => {
      const req = requestFromCanonical(request);
      const target = req.url.replace('https://example.com', '');
      const received = {
        method: req.method,
        target,
        headers: { authorization: (vector.authorization as string[])[i]!, 'x-sdk-date': vector.sdkDate },
        body: new Uint8Array(Buffer.from(req.body, 'utf8')),
      };
      expect(verifySignature(received, (ak) => (ak === vector.ak ? vector.sk : undefined), nodeCrypto)).toEqual(
        expect.objectContaining({ ok: true, algorithm }),
      );
      expect(verifySignature(received, () => 'WrongKey', nodeCrypto)).toEqual(expect.objectContaining({ ok: false, reason: 'signature-mismatch' }));
    });
  });
});

describe('parseSignedAuthorization', () => {
  it('reads the V11 Credential form with its scope', () => {
    expect(parseSignedAuthorization((v11.authorization as string[])[0]!)).toEqual({
      algorithm: 'V11-HMAC-SHA256',
      access: 'AccessKey',
      scope: '20060102/test-region-1/demo',
      signedHeaders: ['x-sdk-date'],
      signature: '8fd3610508884bb19718317797c7378716a94bc740d97502e569322e366341cc',
    });
  });

  it.each(['Bearer x', 'V11-HMAC-SHA256 Access=AK, SignedHeaders=h, Signature=00', 'SDK-HMAC-SM3 Credential=AK/1/2/3, SignedHeaders=h, Signature=00'])(
    'rejects %j',
    (h) => expect(parseSignedAuthorization(h)).toBeNull(),
  );
});
