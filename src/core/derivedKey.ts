import type { HashFunctions } from './crypto';
import type { DerivationTarget } from './signingAlgorithm';
import { utf8Encode } from './utf8';

/**
 * V11-HMAC-SHA256's signing key (Huawei's Go SDK, core/auth/signer/derived_signer.go): the scope is
 * `YYYYMMDD/{regionId}/{service}` of the X-Sdk-Date's day, and the key is hex(HKDF-SHA256(IKM = SK, salt = AK,
 * info = scope, 32 bytes)); the HMAC is keyed by the UTF-8 bytes of that 64-character hex text, not the 32 bytes.
 */
export function derivationScope(sdkDate: string, target: DerivationTarget): string {
  if (!target.regionId || !target.service) throw new Error('V11-HMAC-SHA256 needs a region id and a service name');
  return `${sdkDate.slice(0, 8)}/${target.regionId}/${target.service}`;
}

/** hex(HKDF-SHA256(IKM = SK, salt = AK, info = scope)), 32 bytes. */
export function derivedSigningKey(ak: string, sk: string, scope: string, crypto: HashFunctions): string {
  return hkdfSha256Hex(utf8Encode(sk), utf8Encode(ak), utf8Encode(scope), 32, crypto);
}

/** HKDF (RFC 5869) with HMAC-SHA256, built on the injected HMAC: extract, then expand to `length` bytes (hex). */
export function hkdfSha256Hex(ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number, crypto: HashFunctions): string {
  if (length > 255 * 32) throw new Error('HKDF-SHA256 cannot give more than 8160 bytes');
  const prk = hexBytes(crypto.hmacSha256Hex(salt.length ? salt : new Uint8Array(32), ikm));
  let out = '';
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 1; out.length < length * 2; i++) {
    const input = new Uint8Array(previous.length + info.length + 1);
    input.set(previous);
    input.set(info, previous.length);
    input[input.length - 1] = i;
    const block = crypto.hmacSha256Hex(prk, input);
    out += block;
    previous = hexBytes(block);
  }
  return out.slice(0, length * 2);
}

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}
