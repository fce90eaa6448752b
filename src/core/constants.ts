/** Names and fixed values of Huawei Cloud's SDK-HMAC-SHA256 signing scheme, in one place. */

export const ALGORITHM = 'SDK-HMAC-SHA256';

export const HEADER = {
  authorization: 'Authorization',
  sdkDate: 'X-Sdk-Date',
  host: 'Host',
  contentType: 'Content-Type',
  projectId: 'X-Project-Id',
  domainId: 'X-Domain-Id',
  securityToken: 'X-Security-Token',
  contentSha256: 'X-Sdk-Content-Sha256',
  authToken: 'X-Auth-Token',
  subjectToken: 'X-Subject-Token',
} as const;

/** Literal payload hash used for bodies a client cannot hash (multipart, files). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/** SHA-256 of the empty string. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** AK/SK-signed bodies are limited to 12 MB by the API gateway (larger: 413, use token auth). */
export const MAX_SIGNED_BODY_BYTES = 12 * 1024 * 1024;

/** The gateway rejects an X-Sdk-Date more than 15 minutes away from its clock. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;
