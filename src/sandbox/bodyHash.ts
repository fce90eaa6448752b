import { BODY_TOO_LARGE_FIX, bodyTooLargeMessage, MAX_SIGNED_BODY_BYTES, SDK_HMAC_SM3, type SigningAlgorithm } from '../core';
import { type HwcAuthError, hwcAuthError } from './errors';
import { sha256Utf8, toHex } from './sandboxCrypto';
import { sm3Utf8 } from './sandboxSm3';

/**
 * The payload hash of a text body and the length of its UTF-8 bytes (the API gateway refuses AK/SK-signed bodies over
 * 12 MB), in one pass over the body. A large body goes to WebCrypto where the sandbox has it (sandbox 6.x: the Postman
 * app and the Postman CLI), which is native but asynchronous; everywhere else (Newman's sandbox) the bundled SHA-256
 * hashes it and counts its bytes as it goes.
 */
export interface BodyHash {
  /** Lowercase hex digest: SHA-256, or SM3 for SDK-HMAC-SM3. */
  hex: string;
  byteLength: number;
}

/** From this many characters a body goes to WebCrypto when there is one; below, the bundled hash is as quick. */
export const NATIVE_HASH_MIN_CHARS = 256 * 1024;

/** WebCrypto's digest and TextEncoder, as sandbox 6.x has them (neither exists in Newman's sandbox). */
interface NativeHashing {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
  encode(text: string): Uint8Array;
}

/** How long the sandbox is kept waiting for WebCrypto at most; then the bundled hash takes over. */
const NATIVE_HASH_TIMEOUT_MS = 30000;

/**
 * Hashes `text` with the algorithm's hash; a promise when WebCrypto does it. Throws (or rejects) when the body is over
 * the 12 MB limit. SM3 (SDK-HMAC-SM3) is always the bundled one: WebCrypto has no SM3.
 */
export function hashBody(text: string, algorithm?: SigningAlgorithm): BodyHash | Promise<BodyHash> {
  // A UTF-8 encoding has at least as many bytes as the text has UTF-16 units: refuse before any hashing.
  if (text.length > MAX_SIGNED_BODY_BYTES) throw tooLarge(text.length, true);
  if (algorithm === SDK_HMAC_SM3) {
    const { digest, byteLength } = sm3Utf8(text);
    return checked({ hex: toHex(digest), byteLength });
  }
  const native = text.length >= NATIVE_HASH_MIN_CHARS ? nativeHashing() : undefined;
  return native ? hashNatively(native, text) : checked(hashBundled(text));
}

function hashBundled(text: string): BodyHash {
  const { digest, byteLength } = sha256Utf8(text);
  return { hex: toHex(digest), byteLength };
}

function checked(hash: BodyHash): BodyHash {
  if (hash.byteLength > MAX_SIGNED_BODY_BYTES) throw tooLarge(hash.byteLength, false);
  return hash;
}

function hashNatively(native: NativeHashing, text: string): Promise<BodyHash> {
  // TextEncoder writes a lone surrogate as U+FFFD, as the bundled hash and the core's utf8Encode do.
  const bytes = native.encode(text);
  if (bytes.length > MAX_SIGNED_BODY_BYTES) throw tooLarge(bytes.length, false);
  return new Promise((resolve) => {
    let settled = false;
    // The sandbox ends the execution once no timer is pending, and WebCrypto is no timer: this one holds it open.
    const hold = setTimeout(() => {
      settled = true;
      resolve(hashBundled(text));
    }, NATIVE_HASH_TIMEOUT_MS);
    const done = (hash: BodyHash): void => {
      if (settled) return;
      settled = true;
      clearTimeout(hold);
      resolve(hash);
    };
    native.digest('SHA-256', bytes).then(
      (digest) => done({ hex: toHex(new Uint8Array(digest)), byteLength: bytes.length }),
      () => done(hashBundled(text)),
    );
  });
}

/** WebCrypto, when this sandbox has it. */
function nativeHashing(): NativeHashing | undefined {
  if (typeof crypto === 'undefined' || typeof TextEncoder === 'undefined') return undefined;
  const subtle = crypto && crypto.subtle;
  if (!subtle || typeof subtle.digest !== 'function') return undefined;
  const encoder = new TextEncoder();
  return { digest: (algorithm, data) => subtle.digest(algorithm, data), encode: (text) => encoder.encode(text) };
}

function tooLarge(bytes: number, atLeast: boolean): HwcAuthError {
  return hwcAuthError(BODY_TOO_LARGE_FIX, bodyTooLargeMessage(bytes, atLeast));
}
