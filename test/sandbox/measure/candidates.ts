/** SHA-256 variants measured against src/sandbox/sandboxCrypto.ts (measurement only). */
import { SHA256_K } from '../../../src/sandbox/sandboxCrypto';
const K = SHA256_K;
const W = new Int32Array(64);
function block(s: Int32Array, d: Uint8Array, p: number): void {
  const w = W;
  for (let i = 0; i < 16; i++, p += 4) w[i] = (d[p]! << 24) | (d[p + 1]! << 16) | (d[p + 2]! << 8) | d[p + 3]!;
  for (let i = 16; i < 64; i++) {
    const x = w[i - 15]!, y = w[i - 2]!;
    w[i] = (w[i - 16]! + (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) + w[i - 7]! + (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) | 0;
  }
  let a = s[0]!, b = s[1]!, c = s[2]!, dd = s[3]!, e = s[4]!, f = s[5]!, g = s[6]!, h = s[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
    const t2 = ((((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g; g = f; f = e; e = (dd + t1) | 0; dd = c; c = b; b = a; a = (t1 + t2) | 0;
  }
  s[0] = (s[0]! + a) | 0; s[1] = (s[1]! + b) | 0; s[2] = (s[2]! + c) | 0; s[3] = (s[3]! + dd) | 0;
  s[4] = (s[4]! + e) | 0; s[5] = (s[5]! + f) | 0; s[6] = (s[6]! + g) | 0; s[7] = (s[7]! + h) | 0;
}
function finish(s: Int32Array, tailSrc: Uint8Array, rest: number, total: number): string {
  const tail = new Uint8Array(rest < 56 ? 64 : 128);
  tail.set(tailSrc.subarray(0, rest));
  tail[rest] = 0x80;
  const hi = Math.floor(total / 0x20000000), lo = (total << 3) >>> 0, n = tail.length;
  tail[n - 8] = hi >>> 24; tail[n - 7] = hi >>> 16; tail[n - 6] = hi >>> 8; tail[n - 5] = hi;
  tail[n - 4] = lo >>> 24; tail[n - 3] = lo >>> 16; tail[n - 2] = lo >>> 8; tail[n - 1] = lo;
  for (let p = 0; p < n; p += 64) block(s, tail, p);
  let out = '';
  for (let i = 0; i < 8; i++) out += ('0000000' + (s[i]! >>> 0).toString(16)).slice(-8);
  return out;
}
const INIT = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
export function shaBytes(d: Uint8Array): string {
  const s = new Int32Array(INIT);
  const end = d.length - (d.length % 64);
  for (let p = 0; p < end; p += 64) block(s, d, p);
  return finish(s, d.subarray(end), d.length - end, d.length);
}
const CHUNK = 65536;
export function shaUtf8(text: string): string {
  const s = new Int32Array(INIT);
  const buf = new Uint8Array(CHUNK + 8);
  let n = 0, total = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) buf[n++] = c;
    else if (c < 0x800) { buf[n++] = 0xc0 | (c >> 6); buf[n++] = 0x80 | (c & 63); }
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      buf[n++] = 0xf0 | (c >> 18); buf[n++] = 0x80 | ((c >> 12) & 63); buf[n++] = 0x80 | ((c >> 6) & 63); buf[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      buf[n++] = 0xe0 | (c >> 12); buf[n++] = 0x80 | ((c >> 6) & 63); buf[n++] = 0x80 | (c & 63);
    }
    if (n >= CHUNK) {
      for (let p = 0; p < CHUNK; p += 64) block(s, buf, p);
      total += CHUNK;
      buf.copyWithin(0, CHUNK, n);
      n -= CHUNK;
    }
  }
  const end = n - (n % 64);
  for (let p = 0; p < end; p += 64) block(s, buf, p);
  return finish(s, buf.subarray(end), n - end, total + n);
}
export function fastUtf8(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) { out[n++] = 0xc0 | (c >> 6); out[n++] = 0x80 | (c & 63); }
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      out[n++] = 0xf0 | (c >> 18); out[n++] = 0x80 | ((c >> 12) & 63); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63);
    } else {
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      out[n++] = 0xe0 | (c >> 12); out[n++] = 0x80 | ((c >> 6) & 63); out[n++] = 0x80 | (c & 63);
    }
  }
  return out.subarray(0, n);
}
