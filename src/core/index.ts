/** The pure core: Huawei Cloud request signing and IAM token logic, with no Postman, Node or clock inside. */
export * from './constants';
export type { HashFunctions } from './crypto';
export { utf8Encode, utf8Decode, utf8ByteLength } from './utf8';
export { uriEncode, uriEncodeBytes, percentDecode, percentDecodeBytes, wireEncode } from './percentEncoding';
export { latin1Encode } from './latin1';
export { canonicalUri } from './canonicalUri';
export { canonicalQuery, parseRawQuery, type RawQueryParam } from './canonicalQuery';
export { canonicalHeaders, type HeaderEntry, type CanonicalHeaders } from './canonicalHeaders';
export { payloadHash } from './payloadHash';
export { canonicalRequest, gatewayQuotedForm, type CanonicalRequestParts } from './canonicalRequest';
export { stringToSign, signature, type HeaderEncoding } from './stringToSign';
export { authorizationHeader, parseAuthorization, type ParsedAuthorization } from './authorization';
export { formatSdkDate, parseSdkDate, isSdkDate } from './sdkDate';
export { parseUrl, hostHeader, type UrlParts } from './url';
export { signRequest, type SignInput, type SigningCredentials, type SignOptions, type SignResult } from './signRequest';
export { verifySignature, type ReceivedRequest, type VerifyResult } from './verifySignature';
export * from './iam';
export * from './variables';
