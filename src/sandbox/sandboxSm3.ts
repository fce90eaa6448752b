import type { Sm3Functions } from '../core';
import { toHex, type TextDigest } from './sandboxCrypto';

/**
 * SM3 (GB/T 32905-2016, the Chinese national hash; 256-bit digest, 64-byte blocks, Merkle-Damgard like SHA-256) and
 * HMAC-SM3 (RFC 2104) in plain JavaScript for the Postman sandboxes: no globalThis, no Node built-ins. Shaped like
 * sandboxCrypto.ts's SHA-256 (one call per block; text hashed as UTF-8 without building the encoded bytes), which the
 * measurement there chose. Checked against the Go SDK's SDK-HMAC-SM3 vectors, OpenSSL's SM3 and sm-crypto (tests).
 */

const IV = [0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e];

/** T_j rotated left by j mod 32, the round constant as the compression function adds it. */
const T_ROTATED = new Int32Array(64);
for (let j = 0; j < 64; j++) {
  const t = j < 16 ? 0x79cc4519 : 0x7a879d8a;
  const r = j % 32;
  T_ROTATED[j] = r === 0 ? t : (t << r) | (t >>> (32 - r));
}

/** The message expansion W[0..67], reused by every block (the script is single-threaded). */
const W = new Int32Array(68);

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
  for (let j = 16; j < 68; j++) {
    const x = w[j - 16]! ^ w[j - 9]! ^ ((w[j - 3]! << 15) | (w[j - 3]! >>> 17));
    const y = w[j - 13]!;
    w[j] = x ^ ((x << 15) | (x >>> 17)) ^ ((x << 23) | (x >>> 9)) ^ ((y << 7) | (y >>> 25)) ^ w[j - 6]!;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  // Rounds 0-15 and 16-63 differ in FF, GG and T: two loops, no branch per round.
  for (let j = 0; j < 16; j++) {
    const a12 = (a << 12) | (a >>> 20);
    const s = (a12 + e + T_ROTATED[j]!) | 0;
    const ss1 = (s << 7) | (s >>> 25);
    const wj = w[j]!;
    const tt1 = ((a ^ b ^ c) + d + (ss1 ^ a12) + (wj ^ w[j + 4]!)) | 0;
    const tt2 = ((e ^ f ^ g) + h + ss1 + wj) | 0;
    d = c;
    c = (b << 9) | (b >>> 23);
    b = a;
    a = tt1;
    h = g;
    g = (f << 19) | (f >>> 13);
    f = e;
    e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
  }
  for (let j = 16; j < 64; j++) {
    const a12 = (a << 12) | (a >>> 20);
    const s = (a12 + e + T_ROTATED[j]!) | 0;
    const ss1 = (s << 7) | (s >>> 25);
    const wj = w[j]!;
    const tt1 = (((a & b) | (c & (a | b))) + d + (ss1 ^ a12) + (wj ^ w[j + 4]!)) | 0;
    const tt2 = ((g ^ (e & (f ^ g))) + h + ss1 + wj) | 0;
    d = c;
    c = (b << 9) | (b >>> 23);
    b = a;
    a = tt1;
    h = g;
    g = (f << 19) | (f >>> 13);
    f = e;
    e = tt2 ^ ((tt2 << 9) | (tt2 >>> 23)) ^ ((tt2 << 17) | (tt2 >>> 15));
  }
  state[0]! ^= a; state[1]! ^= b; state[2]! ^= c; state[3]! ^= d;
  state[4]! ^= e; state[5]! ^= f; state[6]! ^= g; state[7]! ^= h;
}

/** SM3 digest of `data` as 32 bytes. */
export function sm3(data: Uint8Array): Uint8Array {
  const state = new Int32Array(IV);
  const done = data.length - (data.length % 64);
  for (let p = 0; p < done; p += 64) compressBlock(state, data, p);
  return finish(state, data.subarray(done), data.length);
}

/** Pads the last partial block (`rest`, under 64 bytes) for a message of `total` bytes (as SHA-256 does). */
function finish(state: Int32Array, rest: Uint8Array, total: number): Uint8Array {
  const tail = new Uint8Array(rest.length < 56 ? 64 : 128);
  tail.set(rest);
  tail[rest.length] = 0x80;
  const bitsHigh = Math.floor(total / 0x20000000);
  const bitsLow = (total << 3) >>> 0;
  const n = tail.length;
  for (let i = 0; i < 4; i++) {
    tail[n - 8 + i] = bitsHigh >>> (24 - 8 * i);
    tail[n - 4 + i] = bitsLow >>> (24 - 8 * i);
  }
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

/**
 * SM3 of the UTF-8 encoding of `text` (lone surrogates as U+FFFD), ASCII blocks straight into W (see sha256Utf8),
 * and the number of bytes hashed (the 12 MB limit is checked on it).
 */
export function sm3Utf8(text: string): TextDigest {
  const state = new Int32Array(IV);
  const stage = new Uint8Array(STAGE + 4);
  const w = W;
  const len = text.length;
  let n = 0;
  let total = 0;
  let i = 0;
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

/** HMAC-SM3 (RFC 2104, 64-byte block) as 32 bytes. */
export function hmacSm3(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sm3(key) : key);
  const inner = new Uint8Array(64 + message.length);
  const outer = new Uint8Array(64 + 32);
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i]! ^ 0x36;
    outer[i] = block[i]! ^ 0x5c;
  }
  inner.set(message, 64);
  outer.set(sm3(inner), 64);
  return sm3(outer);
}

/** SM3 as the core injects it (SDK-HMAC-SM3). */
export const sandboxSm3: Sm3Functions = {
  sm3Hex: (data) => toHex(typeof data === 'string' ? sm3Utf8(data).digest : sm3(data)),
  hmacSm3Hex: (key, message) => toHex(hmacSm3(key, message)),
};
