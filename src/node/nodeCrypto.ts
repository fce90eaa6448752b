import { createHash, createHmac } from 'node:crypto';
import type { HashFunctions } from '../core/crypto';

/** The core's hash primitives on Node's native crypto: for the CLI, the mock cloud and the tests. */
export const nodeCrypto: HashFunctions = {
  sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
  hmacSha256Hex: (key, message) => createHmac('sha256', key).update(message).digest('hex'),
};
