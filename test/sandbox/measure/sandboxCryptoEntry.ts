/**
 * Runs inside the Postman sandboxes (bundled by ./measureSandboxCrypto.ts): times every SHA-256 candidate on the
 * same 12 MB JSON body (one non-ASCII character per 50; plus a pure-ASCII one), interleaved over several rounds (the machine may be busy), and prints one JSON line with
 * the minimum and median per candidate. Measurement only: never part of dist/prerequest.js.
 */
import { sha256 as nobleSha256 } from '@noble/hashes/sha256';
import { utf8Encode } from '../../../src/core';
import { sandboxCrypto, sha256Utf8Hex } from '../../../src/sandbox/sandboxCrypto';
import { fastUtf8, shaBytes, shaUtf8 } from './candidates';

declare const console: { log(...args: unknown[]): void };
declare function require(name: string): any; // eslint-disable-line @typescript-eslint/no-explicit-any

const CryptoJS = require('crypto-js');
const ROUNDS = 7;
const item = '{"id":"0123456789","name":"item \u00e9","tags":["a","b"]},';
const body = '[' + item.repeat(Math.floor((12 * 1024 * 1024 - 2) / (item.length + 1))).slice(0, -1) + ']';
const bytes = utf8Encode(body);
const asciiItem = '{"id":"0123456789","name":"item","tags":["a","b"]},';
const asciiBody = '[' + asciiItem.repeat(Math.floor((12 * 1024 * 1024 - 2) / asciiItem.length)).slice(0, -1) + ']';

function hex(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += (b[i]! < 16 ? '0' : '') + b[i]!.toString(16);
  return s;
}

function bytesToWordArray(b: Uint8Array) {
  const words: number[] = [];
  for (let i = 0; i < b.length; i++) words[i >>> 2] = (words[i >>> 2] ?? 0) | (b[i]! << (24 - (i % 4) * 8));
  return CryptoJS.lib.WordArray.create(words, b.length);
}

const candidates: Record<string, () => string | number> = {
  'encode: core utf8Encode': () => utf8Encode(body).length,
  'encode: single-pass over-allocated': () => fastUtf8(body).length,
  'sha256(bytes): sandboxCrypto (one loop)': () => sandboxCrypto.sha256Hex(bytes),
  'sha256(bytes): per-block function': () => shaBytes(bytes),
  'sha256(bytes): @noble/hashes 1.7.2': () => hex(nobleSha256(bytes)),
  'sha256(bytes): crypto-js 3.3.0 via WordArray': () => CryptoJS.SHA256(bytesToWordArray(bytes)).toString(),
  'sha256(string): crypto-js 3.3.0 (its own UTF-8)': () => CryptoJS.SHA256(body).toString(),
  'sha256(string): fused UTF-8 + per-block': () => shaUtf8(body),
  'sha256(string): sandboxCrypto sha256Utf8Hex (ASCII words direct)': () => sha256Utf8Hex(body),
  'encode+hash: core utf8Encode + sandboxCrypto': () => sandboxCrypto.sha256Hex(utf8Encode(body)),
  'ASCII body, sha256(string): sandboxCrypto sha256Utf8Hex (what the script uses)': () => sha256Utf8Hex(asciiBody).length,
  'ASCII body, encode+hash: core utf8Encode + sandboxCrypto': () => sandboxCrypto.sha256Hex(utf8Encode(asciiBody)).length,
  'ASCII body, sha256(string): crypto-js 3.3.0': () => CryptoJS.SHA256(asciiBody).toString().length,
  'encode+hash: core utf8Encode + per-block': () => shaBytes(utf8Encode(body)),
};

const times: Record<string, number[]> = {};
const results: Record<string, string | number> = {};
for (let round = 0; round <= ROUNDS; round++) {
  for (const name of Object.keys(candidates)) {
    const t0 = Date.now();
    const r = candidates[name]!();
    const ms = Date.now() - t0;
    if (round > 0) (times[name] ??= []).push(ms); // round 0 warms up
    results[name] = r;
  }
}
const digests = Object.keys(results).filter((k) => typeof results[k] === 'string').map((k) => results[k]);
const summary: Record<string, string> = {};
for (const name of Object.keys(times)) {
  const sorted = times[name]!.slice().sort((a, b) => a - b);
  summary[name] = `min ${sorted[0]} / median ${sorted[Math.floor(sorted.length / 2)]} ms`;
}
console.log(JSON.stringify({ bodyBytes: bytes.length, digestsAgree: digests.every((d) => d === digests[0]), rounds: ROUNDS, summary }, null, 1));
