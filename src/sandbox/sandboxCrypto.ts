import type { HashFunctions } from '../core';

/**
 * SHA-256 and HMAC-SHA256 in plain JavaScript for the Postman sandboxes (FIPS 180-4, RFC 2104), working on bytes.
 * Chosen by measurement in both sandboxes (docs/sandbox.md; scripts/measure-sandbox-crypto.ts): on a 12 MB body
 * crypto-js 3.3.0 (the sandbox's) takes 320-640 ms, this 58-100 ms, as fast as @noble/hashes (whose bundle would
 * bring a globalThis reference); WebCrypto exists only in sandbox 6.x and is async.
 */

/** SHA-256 round constants (FIPS 180-4, 4.2.2). */
export const SHA256_K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Message schedule, reused by every block (the script is single-threaded). */
const W = new Int32Array(64);

/**
 * Compresses the 64-byte block of `data` at `p` into `state`. One call per block on purpose: measured cold in the
 * sandboxes, a small hot function gets optimized after a few hundred calls, while one long loop over the whole body
 * waits for on-stack replacement and ran about 3 times slower (scripts/measure-sandbox-crypto.ts).
 */
function compressBlock(state: Int32Array, data: Uint8Array, p: number): void {
  const w = W;
  for (let i = 0; i < 16; i++, p += 4) {
    w[i] = (data[p]! << 24) | (data[p + 1]! << 16) | (data[p + 2]! << 8) | data[p + 3]!;
  }
  compressWords(state);
}

/** Compresses the block whose 16 big-endian words are in W[0..15]. */
function compressWords(state: Int32Array): void {
  const w = W;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!;
    const y = w[i - 2]!;
    const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
    const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
    w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + SHA256_K[i]! + w[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0; state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0; state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0; state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0; state[7] = (state[7]! + h) | 0;
}

/** SHA-256 digest of `data` as 32 bytes. */
export function sha256(data: Uint8Array): Uint8Array {
  const state = new Int32Array(INITIAL);
  const done = data.length - (data.length % 64);
  for (let p = 0; p < done; p += 64) compressBlock(state, data, p);
  return finish(state, data.subarray(done), data.length);
}

/** Pads the last partial block (`rest`, under 64 bytes) for a message of `total` bytes and returns the digest. */
function finish(state: Int32Array, rest: Uint8Array, total: number): Uint8Array {
  const tail = new Uint8Array(rest.length < 56 ? 64 : 128);
  tail.set(rest);
  tail[rest.length] = 0x80;
  const bitsHigh = Math.floor(total / 0x20000000);
  const bitsLow = (total << 3) >>> 0;
  const n = tail.length;
  tail[n - 8] = bitsHigh >>> 24;
  tail[n - 7] = bitsHigh >>> 16;
  tail[n - 6] = bitsHigh >>> 8;
  tail[n - 5] = bitsHigh;
  tail[n - 4] = bitsLow >>> 24;
  tail[n - 3] = bitsLow >>> 16;
  tail[n - 2] = bitsLow >>> 8;
  tail[n - 1] = bitsLow;
  for (let p = 0; p < n; p += 64) compressBlock(state, tail, p);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = state[i]!;
    out[i * 4] = v >>> 24;
    out[i * 4 + 1] = v >>> 16;
    out[i * 4 + 2] = v >>> 8;
    out[i * 4 + 3] = v;
  }
  return out;
}

const STAGE = 4096;

/** A text's SHA-256 and the length of its UTF-8 encoding, from one pass. */
export interface TextDigest {
  digest: Uint8Array;
  byteLength: number;
}

/**
 * SHA-256 of the UTF-8 encoding of `text` (lone surrogates as U+FFFD, like core's utf8Encode) without building
 * the encoded bytes: 64 ASCII characters go straight into the message schedule; anything else is encoded through a
 * small staging buffer. For large bodies this saves the encode pass and its allocation, and the byte count comes
 * with the digest (the 12 MB check needs it) instead of from another pass.
 */
export function sha256Utf8(text: string): TextDigest {
  const state = new Int32Array(INITIAL);
  const stage = new Uint8Array(STAGE + 4);
  const w = W;
  const len = text.length;
  let n = 0;
  let total = 0;
  let i = 0;
  // After a block that was not all ASCII, stay on the byte path for a while: mixed text would otherwise pay for
  // every failed attempt.
  let retryAt = 0;
  while (i < len) {
    if (n === 0 && i >= retryAt && len - i >= 64) {
      let any = 0;
      for (let j = 0, k = i; j < 16; j++, k += 4) {
        const c0 = text.charCodeAt(k), c1 = text.charCodeAt(k + 1), c2 = text.charCodeAt(k + 2), c3 = text.charCodeAt(k + 3);
        any |= c0 | c1 | c2 | c3;
        w[j] = (c0 << 24) | (c1 << 16) | (c2 << 8) | c3;
      }
      if (any < 0x80) {
        compressWords(state);
        i += 64;
        total += 64;
        continue;
      }
      retryAt = i + 1024;
    }
    // Byte path: encode one code point into the stage.
    let c = text.charCodeAt(i++);
    if (c < 0x80) stage[n++] = c;
    else if (c < 0x800) {
      stage[n++] = 0xc0 | (c >> 6);
      stage[n++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdbff && i < len && (text.charCodeAt(i) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(i++) - 0xdc00);
      stage[n++] = 0xf0 | (c >> 18);
      stage[n++] = 0x80 | ((c >> 12) & 0x3f);
      stage[n++] = 0x80 | ((c >> 6) & 0x3f);
      stage[n++] = 0x80 | (c & 0x3f);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      stage[n++] = 0xe0 | (c >> 12);
      stage[n++] = 0x80 | ((c >> 6) & 0x3f);
      stage[n++] = 0x80 | (c & 0x3f);
    }
    if (n >= STAGE || (n % 64 === 0 && n > 0)) {
      // Hash the whole blocks staged; keep the remainder at the front. Emptying the stage at each block boundary
      // lets the ASCII path resume.
      const whole = n - (n % 64);
      for (let p = 0; p < whole; p += 64) compressBlock(state, stage, p);
      total += whole;
      stage.copyWithin(0, whole, n);
      n -= whole;
    }
  }
  const whole = n - (n % 64);
  for (let p = 0; p < whole; p += 64) compressBlock(state, stage, p);
  return { digest: finish(state, stage.subarray(whole, n), total + n), byteLength: total + n };
}

/** HMAC-SHA256 (RFC 2104) as 32 bytes. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sha256(inner), 64);
  return sha256(outer);
}

const HEX = '0123456789abcdef';

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]! >> 4]! + HEX[bytes[i]! & 15]!;
  return out;
}

/** The core's hash primitives, as the built script injects them. */
export const sandboxCrypto: HashFunctions = {
  sha256Hex: (data) => toHex(typeof data === 'string' ? sha256Utf8(data).digest : sha256(data)),
  hmacSha256Hex: (key, message) => toHex(hmacSha256(key, message)),
};

/** Hex SHA-256 of a string's UTF-8 bytes (see sha256Utf8). */
export function sha256Utf8Hex(text: string): string {
  return toHex(sha256Utf8(text).digest);
}
