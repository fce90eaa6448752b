import { algorithmAuthorizationHeader } from './authorizationForms';
import { canonicalHeaders, type HeaderEntry } from './canonicalHeaders';
import { canonicalQuery, parseRawQuery } from './canonicalQuery';
import { canonicalRequest } from './canonicalRequest';
import { canonicalUri } from './canonicalUri';
import { HEADER, UNSIGNED_PAYLOAD } from './constants';
import type { SigningCrypto } from './crypto';
import { derivationScope, derivedSigningKey } from './derivedKey';
import { payloadHash } from './payloadHash';
import { isSdkDate } from './sdkDate';
import { SDK_HMAC_SHA256, V11_HMAC_SHA256, type DerivationTarget, type SigningAlgorithm } from './signingAlgorithm';
import { algorithmSignature, algorithmStringToSign, type HeaderEncoding } from './stringToSign';
import { hostHeader, parseUrl } from './url';
import { trimmed } from './trimmed';

export interface SignInput {
  method: string;
  /** Absolute URL exactly as it goes on the wire (already encoded). */
  url: string;
  /**
   * Headers that will be sent and are to be signed (Content-Type, the user's own). Host is taken from here when
   * present, otherwise from the URL. Any stale X-Sdk-Date, Authorization or credential header is replaced.
   */
  headers?: readonly HeaderEntry[];
  /** The exact body bytes (a string is its UTF-8 encoding). */
  body?: Uint8Array | string;
  /** Sign with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD (multipart and file bodies). */
  unsignedPayload?: boolean;
  /**
   * The body's hex SHA-256 when the caller has it already (the sandbox hashes large bodies natively where it can, and
   * counts their bytes while hashing): used as the payload hash instead of hashing `body`.
   */
  payloadHash?: string;
}

export interface SigningCredentials {
  ak: string;
  sk: string;
  /** Temporary credentials: sent and signed as X-Security-Token. */
  securityToken?: string;
  projectId?: string;
  domainId?: string;
}

export interface SignOptions {
  /** X-Sdk-Date, YYYYMMDDTHHMMSSZ: the caller owns the clock. */
  sdkDate: string;
  /** SHA-256 always; SM3 too for SDK-HMAC-SM3. */
  crypto: SigningCrypto;
  /**
   * How the HTTP client that sends the request writes header values (default 'utf8'): 'latin1' for Node's client
   * (Postman, Newman), which sends one byte per character; a value with a character above U+00FF then throws, as
   * Node cannot send it.
   */
  headerEncoding?: HeaderEncoding;
  /** Default SDK-HMAC-SHA256. */
  algorithm?: SigningAlgorithm;
  /** V11-HMAC-SHA256 only (required there): the region and service its key is derived for. */
  derivation?: DerivationTarget;
}

export interface SignResult {
  /** Headers to set on the request (replacing any of the same name); all are signed except Authorization. */
  headers: Array<[string, string]>;
  canonicalRequest: string;
  stringToSign: string;
  signedHeaders: string;
  signature: string;
  authorization: string;
  payloadHash: string;
  algorithm: SigningAlgorithm;
}

/** Names the signer owns: an input header with one of these names is stale and is replaced. */
const OWNED = [
  HEADER.authorization,
  HEADER.sdkDate,
  HEADER.projectId,
  HEADER.domainId,
  HEADER.securityToken,
  HEADER.contentSha256,
].map((n) => n.toLowerCase());

/** Signs one request (SDK-HMAC-SHA256 unless options.algorithm says otherwise) and returns the headers to set plus every intermediate. */
export function signRequest(input: SignInput, credentials: SigningCredentials, options: SignOptions): SignResult {
  if (!credentials.ak || !credentials.sk) throw new Error('AK and SK are required');
  if (!isSdkDate(options.sdkDate)) throw new Error(`X-Sdk-Date must be YYYYMMDDTHHMMSSZ, got ${options.sdkDate}`);
  const url = parseUrl(input.url);
  const given = (input.headers ?? []).filter(([name]) => !OWNED.includes(trimmed(name).toLowerCase()));
  const hasHost = given.some(([name]) => trimmed(name).toLowerCase() === 'host');

  const added: Array<[string, string]> = [];
  if (!hasHost) added.push([HEADER.host, hostHeader(url)]);
  added.push([HEADER.sdkDate, options.sdkDate]);
  if (credentials.projectId) added.push([HEADER.projectId, credentials.projectId]);
  if (credentials.domainId) added.push([HEADER.domainId, credentials.domainId]);
  if (credentials.securityToken) added.push([HEADER.securityToken, credentials.securityToken]);
  if (input.unsignedPayload) added.push([HEADER.contentSha256, UNSIGNED_PAYLOAD]);

  const headers = canonicalHeaders([...given, ...added]);
  const algorithm = options.algorithm ?? SDK_HMAC_SHA256;
  // A precomputed payload hash must be of the algorithm's hash (SHA-256, or SM3 for SDK-HMAC-SM3).
  const hash = input.unsignedPayload || input.payloadHash === undefined
    ? payloadHash(input.body, options.crypto, input.unsignedPayload, algorithm)
    : input.payloadHash;
  const cr = canonicalRequest({
    method: input.method,
    canonicalUri: canonicalUri(url.path),
    canonicalQuery: canonicalQuery(parseRawQuery(url.query)),
    canonicalHeaders: headers.canonicalHeaders,
    signedHeaders: headers.signedHeaders,
    payloadHash: hash,
  });
  let scope: string | undefined;
  let signingKey = credentials.sk;
  if (algorithm === V11_HMAC_SHA256) {
    if (!options.derivation) throw new Error(`${V11_HMAC_SHA256} needs a region id and a service name`);
    scope = derivationScope(options.sdkDate, options.derivation);
    signingKey = derivedSigningKey(credentials.ak, credentials.sk, scope, options.crypto);
  }
  const sts = algorithmStringToSign(algorithm, cr, options.sdkDate, options.crypto, scope, options.headerEncoding);
  const sig = algorithmSignature(algorithm, sts, signingKey, options.crypto);
  const authorization = algorithmAuthorizationHeader(algorithm, credentials.ak, headers.signedHeaders, sig, scope);
  return {
    headers: [...added, [HEADER.authorization, authorization]],
    canonicalRequest: cr,
    stringToSign: sts,
    signedHeaders: headers.signedHeaders,
    signature: sig,
    authorization,
    payloadHash: hash,
    algorithm,
  };
}
