/**
 * The hash primitives the signer needs, injected by whoever runs it (Node's crypto in the CLI, mock and tests;
 * a pure-JS implementation in the Postman sandboxes). Bytes in, lowercase hex out.
 */
export interface HashFunctions {
  sha256Hex(data: Uint8Array): string;
  hmacSha256Hex(key: Uint8Array, message: Uint8Array): string;
}
