import { createHash, createHmac } from 'node:crypto';
import type { HashFunctions, Sm3Functions } from '../core/crypto';

/**
 * The core's hash primitives on Node's native crypto: for the CLI, the mock cloud and the tests. SM3 is OpenSSL's
 * (Node 20's OpenSSL 3 has it): independent of the sandbox's own SM3.
 */
export const nodeCrypto: HashFunctions & Sm3Functions = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256Hex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
  sm3Hex: (data) => createHash('sm3').update(data).digest('hex'),
  hmacSm3Hex: (key, message) => createHmac('sm3', key).update(message).digest('hex'),
};
