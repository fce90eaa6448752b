import type { SigningCrypto } from './crypto';
import { SDK_HMAC_SM3, type SigningAlgorithm } from './signingAlgorithm';

/** The hash step of an algorithm: the payload hash and the canonical request hash (lowercase hex). */
export function digestHex(algorithm: SigningAlgorithm, crypto: SigningCrypto, data: Uint8Array | string): string {
  if (algorithm !== SDK_HMAC_SM3) return crypto.sha256Hex(data);
  if (!crypto.sm3Hex) throw new Error(`${SDK_HMAC_SM3} needs SM3 hash functions, and none were given`);
  return crypto.sm3Hex(data);
}

/** The HMAC step of an algorithm: HMAC-SHA256, or HMAC-SM3 for SDK-HMAC-SM3 (lowercase hex). */
export function hmacHex(algorithm: SigningAlgorithm, crypto: SigningCrypto, key: Uint8Array, message: Uint8Array): string {
  if (algorithm !== SDK_HMAC_SM3) return crypto.hmacSha256Hex(key, message);
  if (!crypto.hmacSm3Hex) throw new Error(`${SDK_HMAC_SM3} needs SM3 hash functions, and none were given`);
  return crypto.hmacSm3Hex(key, message);
}

/** SM3 of the empty input: SDK-HMAC-SM3's payload hash of an empty body. */
export const EMPTY_BODY_SM3 = '1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b';
