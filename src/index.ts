/**
 * huaweicloud-postman-auth as a library: the pure SDK-HMAC-SHA256 signer (src/core, with Node's crypto from
 * src/node ready to pass in), and what the hwc-auth CLI does (src/lib: inject the signer into a collection, run a
 * collection with Newman with secrets masked, explain a signature).
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
  SIGNING_ALGORITHMS,
  algorithmAuthorizationHeader,
  parseSignedAuthorization,
  derivedSigningKey,
  formatSdkDate,
  parseSdkDate,
  isSdkDate,
  uriEncode,
  percentDecode,
  parseUrl,
  hostHeader,
  readGatewayAnswer,
  classifyRefusal,
  diagnoseRefusal,
  parseCanonicalRequest,
  compareCanonicalRequests,
  describeDifference,
} from './core';
export type {
  HashFunctions,
  Sm3Functions,
  SigningCrypto,
  SigningAlgorithm,
  SignedAuthorization,
  HeaderEntry,
  SignInput,
  SigningCredentials,
  SignOptions,
  SignResult,
  ReceivedRequest,
  VerifyResult,
  ParsedAuthorization,
} from './core';
export { VARIABLES, VARIABLE_LIST, SECRET_VARIABLE_NAMES, type VariableSpec } from './core/variables';
export { VARIABLE_MEANINGS, DOCUMENTED_VARIABLES, type DocumentedVariable } from './core/variableMeanings';
export { nodeCrypto } from './node/nodeCrypto';

export { EXIT, UsageError, type ExitCode } from './lib/exitCodes';
export {
  injectSigner,
  assertV2Collection,
  hasSigner,
  MARKER_BEGIN,
  MARKER_END,
  RESPONSE_MARKER_BEGIN,
  RESPONSE_MARKER_END,
  type CollectionJson,
  type InjectResult,
} from './lib/inject';
export { readSignerScript, signerScriptPath, readPostResponseScript, postResponseScriptPath } from './lib/signerScript';
export { doctorForCommandLine, type DoctorOptions, type DoctorReport } from './lib/doctor';
export { runCollection, type RunOptions, type RunOutcome } from './lib/run';
export { Redactor, MASK, isSecretName } from './lib/mask/redact';
export { signCommandRequest, formatExplanation, type SignCommandInput, type SignedRequest } from './lib/explain';
export { variablesFromEnv, signingCredentialsFromEnv, CREDENTIAL_VARIABLES } from './lib/settings';
