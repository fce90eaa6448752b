/**
 * The hash primitives the signer needs, injected by whoever runs it (Node's crypto in the CLI, mock and tests;
 * a pure-JS implementation in the Postman sandboxes). Bytes in, lowercase hex out; a string stands for its UTF-8
 * bytes (lone surrogates as U+FFFD), so an implementation can hash text without a separate encoding pass.
 */
export interface HashFunctions {
  sha256Hex(data: Uint8Array | string): string;
  hmacSha256Hex(key: Uint8Array, message: Uint8Array): string;
}

/** SM3 (GB/T 32905-2016) and HMAC-SM3, the same shape as HashFunctions: only SDK-HMAC-SM3 needs them. */
export interface Sm3Functions {
  sm3Hex(data: Uint8Array | string): string;
  hmacSm3Hex(key: Uint8Array, message: Uint8Array): string;
}

/** What signRequest and verifySignature take: SHA-256 always, SM3 when the caller can sign SDK-HMAC-SM3. */
export type SigningCrypto = HashFunctions & Partial<Sm3Functions>;
