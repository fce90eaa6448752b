import type { SigningCrypto } from '../core';
import { sandboxCrypto } from './sandboxCrypto';
import { sandboxSm3 } from './sandboxSm3';

/** SHA-256 and SM3 in plain JavaScript: what every algorithm hwc_signing_algorithm can name needs. */
export const sandboxSigningCrypto: SigningCrypto = { ...sandboxCrypto, ...sandboxSm3 };
