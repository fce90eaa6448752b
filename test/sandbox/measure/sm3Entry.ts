/**
 * Runs inside the Postman sandboxes (bundled by ./measureSm3.ts): the hash alone, SHA-256 then SM3 of the same 12 MB
 * JSON text, alternating over several rounds; prints one JSON line of times (ms). Measurement only.
 */
import { sha256Utf8 } from '../../../src/sandbox/sandboxCrypto';
import { sm3Utf8 } from '../../../src/sandbox/sandboxSm3';

declare const console: { log(...args: unknown[]): void };

const item = '{"id":"0123456789","name":"item \u00e9","tags":["a","b"]},';
const body = '[' + item.repeat(Math.floor((12 * 1024 * 1024 - 2) / (item.length + 1))).slice(0, -1) + ']';
const times: Record<string, number[]> = { sha256: [], sm3: [] };
for (let round = 0; round < 5; round++) {
  let t = Date.now();
  sha256Utf8(body);
  times.sha256!.push(Date.now() - t);
  t = Date.now();
  sm3Utf8(body);
  times.sm3!.push(Date.now() - t);
}
console.log(JSON.stringify(times));
