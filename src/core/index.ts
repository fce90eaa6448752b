/** The pure core: Huawei Cloud request signing and IAM token logic, with no Postman, Node or clock inside. */
export * from './constants';
export { BODY_TOO_LARGE_FIX, bodyTooLargeMessage } from './bodyLimit';
export type { HashFunctions, Sm3Functions, SigningCrypto } from './crypto';
export {
  SIGNING_ALGORITHMS,
  SDK_HMAC_SHA256,
  V11_HMAC_SHA256,
  SDK_HMAC_SM3,
  isSigningAlgorithm,
  type SigningAlgorithm,
  type DerivationTarget,
} from './signingAlgorithm';
export { digestHex, hmacHex, EMPTY_BODY_SM3 } from './digest';
export { derivationScope, derivedSigningKey, hkdfSha256Hex } from './derivedKey';
export { algorithmAuthorizationHeader, parseSignedAuthorization, type SignedAuthorization } from './authorizationForms';
export { utf8Encode, utf8Decode, utf8ByteLength } from './utf8';
export { uriEncode, uriEncodeBytes, percentDecode, percentDecodeBytes, wireEncode } from './percentEncoding';
export { latin1Encode } from './latin1';
export { canonicalUri } from './canonicalUri';
export { canonicalQuery, parseRawQuery, type RawQueryParam } from './canonicalQuery';
export { canonicalHeaders, type HeaderEntry, type CanonicalHeaders } from './canonicalHeaders';
export { payloadHash } from './payloadHash';
export { canonicalRequest, gatewayQuotedForm, type CanonicalRequestParts } from './canonicalRequest';
export { stringToSign, signature, algorithmStringToSign, algorithmSignature, type HeaderEncoding } from './stringToSign';
export { authorizationHeader, parseAuthorization, type ParsedAuthorization } from './authorization';
export { formatSdkDate, parseSdkDate, isSdkDate } from './sdkDate';
export { parseUrl, hostHeader, type UrlParts } from './url';
export { isWireUrlError, toWireUrl, wireUrlError, type WireUrl, type WireUrlError } from './wireUrl';
export { isNamedError, namedError, type NamedError } from './namedError';
export { signRequest, type SignInput, type SigningCredentials, type SignOptions, type SignResult } from './signRequest';
export { verifySignature, type ReceivedRequest, type VerifyResult } from './verifySignature';
export { APIG_HEADER, appAuthHeaderName, appCodeTransportAllowed, isHeaderName, isLoopbackHost } from './apigApps';
export * from './iam';
export * from './doctor';
export * from './clockSkew';
export * from './lockout';
export * from './variables';
