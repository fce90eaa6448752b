/**
 * huaweicloud-postman-auth as a library: the pure SDK-HMAC-SHA256 signer (with Node's crypto ready to pass in),
 * and what the hwc-auth CLI does (inject the signer into a collection, run a collection with Newman with secrets
 * masked, explain a signature).
 */
export {
  ALGORITHM,
  HEADER,
  UNSIGNED_PAYLOAD,
  EMPTY_BODY_SHA256,
  MAX_SIGNED_BODY_BYTES,
  MAX_CLOCK_SKEW_MS,
  signRequest,
  verifySignature,
  canonicalRequest,
  canonicalUri,
  canonicalQuery,
  canonicalHeaders,
  payloadHash,
  stringToSign,
  signature,
  authorizationHeader,
  parseAuthorization,
  formatSdkDate,
  parseSdkDate,
  isSdkDate,
  uriEncode,
  percentDecode,
  parseUrl,
  hostHeader,
} from './core';
export type {
  HashFunctions,
  HeaderEntry,
  SignInput,
  SigningCredentials,
  SignOptions,
  SignResult,
  ReceivedRequest,
  VerifyResult,
  ParsedAuthorization,
} from './core';
export { nodeCrypto } from './node/nodeCrypto';

export { EXIT, UsageError, type ExitCode } from './cli/exitCodes';
export {
  injectSigner,
  assertV2Collection,
  hasSigner,
  MARKER_BEGIN,
  MARKER_END,
  type CollectionJson,
  type InjectResult,
} from './cli/inject';
export { readSignerScript, signerScriptPath } from './cli/signerScript';
export { runCollection, type RunOptions, type RunOutcome } from './cli/run';
export { Redactor, MASK, isSecretName } from './cli/redact';
export { signCommandRequest, formatExplanation, type SignCommandInput, type SignedRequest } from './cli/explain';
export { variablesFromEnv, signingCredentialsFromEnv, CREDENTIAL_VARIABLES } from './cli/settings';
