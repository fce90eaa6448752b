/**
 * The hash primitives the signer needs, injected by whoever runs it (Node's crypto in the CLI, mock and tests;
 * a pure-JS implementation in the Postman sandboxes). Bytes in, lowercase hex out; a string stands for its UTF-8
 * bytes (lone surrogates as U+FFFD), so an implementation can hash text without a separate encoding pass.
 */
export interface HashFunctions {
  sha256Hex(data: Uint8Array | string): string;
  hmacSha256Hex(key: Uint8Array, message: Uint8Array): string;
}
