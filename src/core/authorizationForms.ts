import { SDK_HMAC_SHA256, SDK_HMAC_SM3, V11_HMAC_SHA256, type SigningAlgorithm } from './signingAlgorithm';

/**
 * The Authorization header of every algorithm:
 *   SDK-HMAC-SHA256 Access={AK}, SignedHeaders={h1;h2}, Signature={hex}
 *   SDK-HMAC-SM3 Access={AK}, SignedHeaders={h1;h2}, Signature={hex}
 *   V11-HMAC-SHA256 Credential={AK}/{YYYYMMDD/region/service}, SignedHeaders={h1;h2}, Signature={hex}
 * (authorization.ts keeps the SDK-HMAC-SHA256-only reader the gateway's default check uses.)
 */
export function algorithmAuthorizationHeader(
  algorithm: SigningAlgorithm,
  ak: string,
  signedHeaders: string,
  signature: string,
  scope?: string,
): string {
  const who = algorithm === V11_HMAC_SHA256 ? `Credential=${ak}/${scope ?? ''}` : `Access=${ak}`;
  return `${algorithm} ${who}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export interface SignedAuthorization {
  algorithm: SigningAlgorithm;
  access: string;
  /** V11 only: the derivation scope named after the AK, `YYYYMMDD/region/service`. */
  scope?: string;
  signedHeaders: string[];
  signature: string;
}

const ACCESS_FORM = /^(SDK-HMAC-SHA256|SDK-HMAC-SM3) Access=([^,\s]+), ?SignedHeaders=([^,\s]*), ?Signature=([0-9a-fA-F]+)$/;
const CREDENTIAL_FORM =
  /^(V11-HMAC-SHA256) Credential=([^/,\s]+)\/(\d{8}\/[^/,\s]+\/[^/,\s]+), ?SignedHeaders=([^,\s]*), ?Signature=([0-9a-fA-F]+)$/;

/** Reads an Authorization header of any of the three algorithms; null when it is none of them. */
export function parseSignedAuthorization(header: string): SignedAuthorization | null {
  const text = header.trim();
  const a = ACCESS_FORM.exec(text);
  if (a) {
    const algorithm = a[1] === SDK_HMAC_SM3 ? SDK_HMAC_SM3 : SDK_HMAC_SHA256;
    return { algorithm, access: a[2]!, signedHeaders: a[3]!.split(';').filter(Boolean), signature: a[4]! };
  }
  const c = CREDENTIAL_FORM.exec(text);
  if (c) {
    return { algorithm: V11_HMAC_SHA256, access: c[2]!, scope: c[3]!, signedHeaders: c[4]!.split(';').filter(Boolean), signature: c[5]! };
  }
  return null;
}
