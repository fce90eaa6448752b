import { EMPTY_BODY_SHA256, UNSIGNED_PAYLOAD } from './constants';
import type { HashFunctions } from './crypto';

/** Rule 7: hex SHA-256 of the exact body bytes, or the literal UNSIGNED-PAYLOAD when the body cannot be hashed. */
export function payloadHash(
  body: Uint8Array | string | undefined,
  crypto: HashFunctions,
  unsignedPayload = false,
): string {
  if (unsignedPayload) return UNSIGNED_PAYLOAD;
  if (body === undefined || body.length === 0) return EMPTY_BODY_SHA256;
  return crypto.sha256Hex(body);
}
