import { parseSignedAuthorization } from './authorizationForms';
import { canonicalHeaders } from './canonicalHeaders';
import { canonicalQuery, parseRawQuery } from './canonicalQuery';
import { canonicalRequest } from './canonicalRequest';
import { canonicalUri } from './canonicalUri';
import { HEADER } from './constants';
import type { SigningCrypto } from './crypto';
import { derivedSigningKey } from './derivedKey';
import { payloadHash } from './payloadHash';
import { SDK_HMAC_SM3, V11_HMAC_SHA256, type SigningAlgorithm } from './signingAlgorithm';
import { algorithmSignature, algorithmStringToSign } from './stringToSign';

/**
 * A request as a server received it: raw target, header values by lowercased name, body bytes (or their hash). Target
 * and header values are byte strings, one character per received byte, as Node's HTTP server gives them (`req.url`,
 * `req.rawHeaders`: a header sent as UTF-8 `café` arrives as `cafÃ©`, one sent as Latin-1 as `café`).
 */
export interface ReceivedRequest {
  method: string;
  /** The request target as received: raw path and query, e.g. `/v1/a%20b?x=1`. */
  target: string;
  /** Values of U+0000-U+00FF only (bytes); a character above U+00FF makes verifySignature throw. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  /**
   * The body bytes, or their lowercase hex digests when the server hashed them as they arrived and kept no copy:
   * SHA-256 always, SM3 too for a request signed SDK-HMAC-SM3.
   */
  body: Uint8Array | { sha256Hex: string; sm3Hex?: string };
}

export type VerifyResult =
  | { ok: true; access: string; canonicalRequest: string; algorithm: SigningAlgorithm; scope?: string }
  | {
      ok: false;
      reason: 'missing-authorization' | 'malformed-authorization' | 'missing-sdk-date' | 'missing-signed-header' | 'scope-date-mismatch';
      detail: string;
    }
  | { ok: false; reason: 'unknown-access-key'; access: string; detail: string }
  | { ok: false; reason: 'signature-mismatch'; access: string; canonicalRequest: string; detail: string };

/**
 * Recomputes the signature of a received request with the same canonicalization the signer uses, the way the
 * gateway does it (and Huawei's Go APIG signer's Verify): from the raw target, the bytes of the headers named in
 * SignedHeaders, and the body bytes (or the X-Sdk-Content-Sha256 literal when that header is signed). Any of the
 * three algorithms (authorizationForms.ts); a V11 scope must name the X-Sdk-Date's day. Policy (clock window, token
 * checks, which regions and services a V11 scope may name) is the caller's.
 */
export function verifySignature(
  req: ReceivedRequest,
  secretFor: (access: string) => string | undefined,
  crypto: SigningCrypto,
): VerifyResult {
  const header = (name: string): string | undefined => {
    const v = req.headers[name.toLowerCase()];
    return Array.isArray(v) ? v.join(',') : (v as string | undefined);
  };
  const auth = header(HEADER.authorization);
  if (!auth) return { ok: false, reason: 'missing-authorization', detail: 'no Authorization header' };
  const parsed = parseSignedAuthorization(auth);
  if (!parsed) {
    return { ok: false, reason: 'malformed-authorization', detail: 'Authorization is not SDK-HMAC-SHA256, SDK-HMAC-SM3 or V11-HMAC-SHA256' };
  }
  const sdkDate = header(HEADER.sdkDate);
  if (!sdkDate) return { ok: false, reason: 'missing-sdk-date', detail: 'no X-Sdk-Date header' };
  if (parsed.scope !== undefined && parsed.scope.slice(0, 8) !== sdkDate.trim().slice(0, 8)) {
    return { ok: false, reason: 'scope-date-mismatch', detail: `credential scope ${parsed.scope} is not of the X-Sdk-Date's day` };
  }
  const sk = secretFor(parsed.access);
  if (sk === undefined) return { ok: false, reason: 'unknown-access-key', access: parsed.access, detail: 'ak not exist' };

  const signed: Array<[string, string]> = [];
  for (const name of parsed.signedHeaders) {
    const value = header(name);
    if (value === undefined) return { ok: false, reason: 'missing-signed-header', detail: `signed header ${name} is missing` };
    signed.push([name, value]);
  }
  // A byte above 0x7F sent raw in the target is that byte: escaped first, it decodes to itself (not to its UTF-8 form).
  const target = req.target.replace(/[\x80-\xff]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  const q = target.indexOf('?');
  const rawPath = q < 0 ? target : target.slice(0, q);
  const rawQuery = q < 0 ? '' : target.slice(q + 1);
  const contentSha = parsed.signedHeaders.includes(HEADER.contentSha256.toLowerCase())
    ? header(HEADER.contentSha256)
    : undefined;
  const headers = canonicalHeaders(signed);
  const cr = canonicalRequest({
    method: req.method,
    canonicalUri: canonicalUri(rawPath),
    canonicalQuery: canonicalQuery(parseRawQuery(rawQuery)),
    canonicalHeaders: headers.canonicalHeaders,
    signedHeaders: headers.signedHeaders,
    payloadHash: contentSha !== undefined ? contentSha.trim() : bodyHash(req.body, crypto, parsed.algorithm),
  });
  // Header values are the received bytes (Latin-1 strings): hashed as they are, whatever encoding the client meant.
  const { algorithm, scope } = parsed;
  const key = algorithm === V11_HMAC_SHA256 ? derivedSigningKey(parsed.access, sk, scope!, crypto) : sk;
  const expected = algorithmSignature(algorithm, algorithmStringToSign(algorithm, cr, sdkDate, crypto, scope, 'latin1'), key, crypto);
  if (expected !== parsed.signature.toLowerCase()) {
    return { ok: false, reason: 'signature-mismatch', access: parsed.access, canonicalRequest: cr, detail: 'verify aksk signature fail' };
  }
  return { ok: true, access: parsed.access, canonicalRequest: cr, algorithm, ...(scope !== undefined ? { scope } : {}) };
}

/** Rule 7 on the received body: its bytes hashed now, or the digest the server took as they arrived. */
function bodyHash(body: ReceivedRequest['body'], crypto: SigningCrypto, algorithm: SigningAlgorithm): string {
  if (body instanceof Uint8Array) return payloadHash(body, crypto, false, algorithm);
  if (algorithm !== SDK_HMAC_SM3) return body.sha256Hex;
  if (body.sm3Hex === undefined) throw new Error('verifySignature: an SDK-HMAC-SM3 request needs the body bytes or their SM3 digest');
  return body.sm3Hex;
}
