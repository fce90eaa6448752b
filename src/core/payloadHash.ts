import { EMPTY_BODY_SHA256, UNSIGNED_PAYLOAD } from './constants';
import type { SigningCrypto } from './crypto';
import { digestHex, EMPTY_BODY_SM3 } from './digest';
import { SDK_HMAC_SHA256, SDK_HMAC_SM3, type SigningAlgorithm } from './signingAlgorithm';

/**
 * Rule 7: hex SHA-256 of the exact body bytes, or the literal UNSIGNED-PAYLOAD when the body cannot be hashed.
 * SDK-HMAC-SM3 hashes the body with SM3 (an empty body: SM3 of the empty input).
 */
export function payloadHash(
  body: Uint8Array | string | undefined,
  crypto: SigningCrypto,
  unsignedPayload = false,
  algorithm: SigningAlgorithm = SDK_HMAC_SHA256,
): string {
  if (unsignedPayload) return UNSIGNED_PAYLOAD;
  if (body === undefined || body.length === 0) return algorithm === SDK_HMAC_SM3 ? EMPTY_BODY_SM3 : EMPTY_BODY_SHA256;
  return digestHex(algorithm, crypto, body);
}
