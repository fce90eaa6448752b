import { ALGORITHM } from './constants';
import type { HashFunctions, SigningCrypto } from './crypto';
import { digestHex, hmacHex } from './digest';
import { latin1Encode } from './latin1';
import { V11_HMAC_SHA256, type SigningAlgorithm } from './signingAlgorithm';
import { utf8Encode } from './utf8';

/**
 * How the client writes header values on the wire, hence which bytes of the canonical request are hashed (its other
 * parts are ASCII): 'utf8', a value's UTF-8 bytes (Go, curl, the official SDKs' intent); 'latin1', one byte per
 * character, U+0000-U+00FF only (Node's HTTP client, so Postman and Newman; and a Node server's header strings).
 */
export type HeaderEncoding = 'utf8' | 'latin1';

/**
 * Rule 8: SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(SHA256(CanonicalRequest)), the canonical request hashed as the bytes
 * that travel: UTF-8 by default, Latin-1 (throws on a character above U+00FF) for a Node client or server.
 */
export function stringToSign(canonicalRequest: string, sdkDate: string, crypto: HashFunctions, headerEncoding: HeaderEncoding = 'utf8'): string {
  const bytes = headerEncoding === 'latin1' ? latin1Encode(canonicalRequest) : canonicalRequest;
  return ALGORITHM + '\n' + sdkDate + '\n' + crypto.sha256Hex(bytes);
}

/** Rule 8: hex(HMAC-SHA256(key = UTF-8 bytes of SK, StringToSign)). No derived key. */
export function signature(stringToSign: string, sk: string, crypto: HashFunctions): string {
  return crypto.hmacSha256Hex(utf8Encode(sk), utf8Encode(stringToSign));
}

/**
 * The string to sign of any algorithm: `{algorithm}\n{X-Sdk-Date}\n{hex(H(CanonicalRequest))}`, H being SHA-256 or
 * SM3; V11-HMAC-SHA256 puts its derivation scope (`YYYYMMDD/region/service`) on a line before the hash. The canonical
 * request is hashed as the bytes that travel (headerEncoding, as for stringToSign).
 */
export function algorithmStringToSign(
  algorithm: SigningAlgorithm,
  canonicalRequest: string,
  sdkDate: string,
  crypto: SigningCrypto,
  scope?: string,
  headerEncoding: HeaderEncoding = 'utf8',
): string {
  const hash = digestHex(algorithm, crypto, headerEncoding === 'latin1' ? latin1Encode(canonicalRequest) : canonicalRequest);
  if (algorithm === V11_HMAC_SHA256) {
    if (!scope) throw new Error(`${V11_HMAC_SHA256} needs its derivation scope`);
    return algorithm + '\n' + sdkDate + '\n' + scope + '\n' + hash;
  }
  return algorithm + '\n' + sdkDate + '\n' + hash;
}

/** hex(HMAC(key = UTF-8 bytes of the signing key, StringToSign)): HMAC-SHA256, or HMAC-SM3 for SDK-HMAC-SM3. */
export function algorithmSignature(algorithm: SigningAlgorithm, stringToSign: string, signingKey: string, crypto: SigningCrypto): string {
  return hmacHex(algorithm, crypto, utf8Encode(signingKey), utf8Encode(stringToSign));
}
