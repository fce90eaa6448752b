import { ALGORITHM } from './constants';

/** Rule 1: `SDK-HMAC-SHA256 Access={AK}, SignedHeaders={h1;h2}, Signature={hex}`. */
export function authorizationHeader(ak: string, signedHeaders: string, signature: string): string {
  return `${ALGORITHM} Access=${ak}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

export interface ParsedAuthorization {
  algorithm: string;
  access: string;
  signedHeaders: string[];
  signature: string;
}

/** Reads an Authorization header the way the gateway does; null when it is not of the SDK-HMAC-SHA256 form. */
export function parseAuthorization(header: string): ParsedAuthorization | null {
  const m = /^(\S+) Access=([^,\s]+), ?SignedHeaders=([^,\s]*), ?Signature=([0-9a-fA-F]+)$/.exec(header.trim());
  if (!m || m[1] !== ALGORITHM) return null;
  return { algorithm: m[1], access: m[2]!, signedHeaders: m[3]!.split(';').filter(Boolean), signature: m[4]! };
}
