/** IAM token logic: the password token request, the reply, and cache decisions. Pure, like the signer. */
export { tokenUrl, passwordTokenRequestBody, identityKey, TOKEN_PATH, type TokenIdentity, type TokenScope } from './tokenRequest';
export { parseTokenResponse, parseIamTime, iamError, isIamError, type IamError, type IssuedToken } from './tokenResponse';
export { parseTokenCache, usableToken, storeToken, dropToken, DEFAULT_REFRESH_MARGIN_SECONDS, type TokenCache } from './tokenCache';
export {
  loginKey,
  endpointKey,
  parseIamMemory,
  rememberRefusal,
  backOff,
  backoffWait,
  clearBackoff,
  parseRetryAfter,
  IAM_BACKOFF,
  type IamMemory,
} from './iamMemory';
export {
  securityTokensUrl,
  securityTokenRequestBody,
  temporaryIdentityKey,
  SECURITY_TOKENS_PATH,
  MIN_TEMPORARY_DURATION_SECONDS,
  MAX_TEMPORARY_DURATION_SECONDS,
  DEFAULT_TEMPORARY_DURATION_SECONDS,
  type Agency,
  type TemporaryIdentity,
} from './securityTokenRequest';
export { parseSecurityTokenResponse, type TemporaryCredential } from './securityTokenResponse';
export { parseTemporaryCache, usableTemporary, storeTemporary, TEMPORARY_REFRESH_MARGIN_SECONDS, type TemporaryCache } from './temporaryCache';
export { idLookupUrl, idLookupKey, parseIdLookupResponse, parseIdCache, type IdLookup, type IdCache } from './idLookup';
