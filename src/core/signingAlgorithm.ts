/**
 * The signing algorithms (hwc_signing_algorithm) and how they differ. All three share the canonical request;
 * they differ in these steps, each in its own module:
 * - the hash and HMAC (digest.ts): SHA-256 for SDK-HMAC-SHA256 and V11-HMAC-SHA256, SM3 for SDK-HMAC-SM3;
 * - the signing key (derivedKey.ts): the SK itself, or for V11 a key derived per day, region and service;
 * - the string to sign (stringToSign.ts): V11 adds the derivation scope line;
 * - the Authorization header (authorizationForms.ts): V11 names `Credential={AK}/{scope}` instead of `Access={AK}`.
 */
export const SDK_HMAC_SHA256 = 'SDK-HMAC-SHA256';
export const V11_HMAC_SHA256 = 'V11-HMAC-SHA256';
export const SDK_HMAC_SM3 = 'SDK-HMAC-SM3';

export const SIGNING_ALGORITHMS = [SDK_HMAC_SHA256, V11_HMAC_SHA256, SDK_HMAC_SM3] as const;

export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export function isSigningAlgorithm(text: string): text is SigningAlgorithm {
  return (SIGNING_ALGORITHMS as readonly string[]).indexOf(text) >= 0;
}

/** What V11-HMAC-SHA256 derives its key for: the region id (e.g. cn-north-4) and the service name (e.g. iam). */
export interface DerivationTarget {
  regionId: string;
  service: string;
}
