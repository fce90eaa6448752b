import { ALGORITHM } from './constants';
import type { HashFunctions } from './crypto';
import { utf8Encode } from './utf8';

/** Rule 8: SDK-HMAC-SHA256 \n X-Sdk-Date \n hex(SHA256(CanonicalRequest)). */
export function stringToSign(canonicalRequest: string, sdkDate: string, crypto: HashFunctions): string {
  return ALGORITHM + '\n' + sdkDate + '\n' + crypto.sha256Hex(canonicalRequest);
}

/** Rule 8: hex(HMAC-SHA256(key = UTF-8 bytes of SK, StringToSign)). No derived key. */
export function signature(stringToSign: string, sk: string, crypto: HashFunctions): string {
  return crypto.hmacSha256Hex(utf8Encode(sk), utf8Encode(stringToSign));
}
