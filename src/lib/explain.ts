import {
  BODY_TOO_LARGE_FIX,
  bodyTooLargeMessage,
  formatSdkDate,
  isSdkDate,
  MAX_SIGNED_BODY_BYTES,
  signRequest,
  toWireUrl,
  utf8ByteLength,
  type HeaderEntry,
  type SignResult,
  type SigningCredentials,
} from '../core';
import { nodeCrypto } from '../node/nodeCrypto';
import { formatCurl } from './curlCommand';
import { UsageError } from './exitCodes';
import { Redactor } from './mask/redact';
import { readDataFile, type RequestFlags } from './requestFlags';
import { signingCredentialsFromEnv } from './settings';

export interface SignCommandInput {
  method: string;
  url: string;
  /** `Name: value` lines, as for curl -H. */
  headers: readonly string[];
  body?: Uint8Array | string;
  /** X-Sdk-Date to use; default: now. */
  date?: string;
  unsignedPayload?: boolean;
}

export interface SignedRequest {
  /** The URL as it goes on the wire, encoded as the pre-request script encodes it: the URL signed. */
  url: string;
  /** The X-Sdk-Date signed. */
  sdkDate: string;
  /** Every header to send: the user's, then the signer's (X-Sdk-Date, credential headers, Authorization). */
  headers: Array<[string, string]>;
  result: SignResult;
}

/**
 * Parses a curl-style `Name: value` header (`index`: its place among the -H options, from 0). A malformed one is
 * refused without showing any of it: without its colon, `X-Auth-Token <token>` is all value.
 */
export function parseHeaderLine(line: string, index = 0): HeaderEntry {
  const colon = line.indexOf(':');
  const name = colon > 0 ? line.slice(0, colon).trim() : '';
  if (!name || /\s/.test(name)) {
    throw new UsageError(`-H header #${index + 1} is not 'Name: value' (${colon < 0 ? 'no colon' : 'no name before the colon'}); it is not shown, as it may hold a secret`);
  }
  return [name, line.slice(colon + 1).trim()];
}

/** Signs one request described on the command line. */
export function signCommandRequest(input: SignCommandInput, credentials: SigningCredentials, now = Date.now()): SignedRequest {
  const sdkDate = input.date ?? formatSdkDate(now);
  if (!isSdkDate(sdkDate)) throw new UsageError(`--date must be YYYYMMDDTHHMMSSZ (UTC), got ${sdkDate}`);
  if (!/^https?:\/\//i.test(input.url)) throw new UsageError(`--url must be an absolute http(s) URL, got ${input.url}`);
  const given = input.headers.map(parseHeaderLine);
  let result: SignResult;
  let url: string;
  try {
    url = toWireUrl(input.url).url;
    result = signRequest(
      { method: input.method.toUpperCase(), url, headers: given, body: input.body ?? '', unsignedPayload: input.unsignedPayload ?? false },
      credentials,
      { sdkDate, crypto: nodeCrypto },
    );
  } catch (e) {
    throw new UsageError(`cannot sign: ${(e as Error).message}`);
  }
  const owned = new Set(result.headers.map(([n]) => n.toLowerCase()));
  const kept = given.filter(([n]) => !owned.has(n.toLowerCase()) && !isSignerOwned(n));
  return { url, sdkDate, headers: [...kept.map(([n, v]): [string, string] => [n, v]), ...result.headers], result };
}

function isSignerOwned(name: string): boolean {
  return ['authorization', 'x-sdk-date', 'x-project-id', 'x-domain-id', 'x-security-token', 'x-sdk-content-sha256'].includes(
    name.toLowerCase(),
  );
}

/** The headers as `Name: value` lines. */
export function formatHeaders(headers: ReadonlyArray<readonly [string, string]>): string {
  return headers.map(([n, v]) => `${n}: ${v}`).join('\n') + '\n';
}

/** Every intermediate of the signature, for comparing with a gateway's APIGW.0301 canonicalRequest. */
export function formatExplanation(signed: SignedRequest): string {
  const r = signed.result;
  return [
    '## URL to send (encoded; the URL signed)',
    signed.url,
    '',
    '## Canonical request',
    r.canonicalRequest,
    '',
    '## Canonical request, as APIGW.0301 prints it (newlines as |)',
    r.canonicalRequest.replace(/\n/g, '|'),
    '',
    '## String to sign',
    r.stringToSign,
    '',
    '## Signed headers',
    r.signedHeaders,
    '',
    '## Payload hash',
    r.payloadHash,
    '',
    '## Headers to send',
    formatHeaders(signed.headers),
  ].join('\n');
}

/** A redactor primed with the credentials' secret parts: SK and security token. */
export function credentialRedactor(credentials: SigningCredentials): Redactor {
  const redactor = new Redactor();
  redactor.add(credentials.sk);
  if (credentials.securityToken) redactor.add(credentials.securityToken);
  return redactor;
}

/** What `hwc-auth sign` is given: the request, and how to print it. */
export interface SignCommandOptions extends RequestFlags {
  /** Every intermediate of the signature, not only the headers to send. */
  explain?: boolean;
  /** A ready curl command instead of the headers. */
  curl?: boolean;
}

export interface SignOutput {
  /** What to print on stdout. */
  text: string;
  /** What to print on stderr, one `hwc-auth: warning: ...` line each. */
  warnings: string[];
}

/**
 * `hwc-auth sign`: signs one request with the AK/SK from the process environment and returns the text to print
 * (the headers to send, with `explain` every intermediate, with `curl` a curl command), with the SK, security token
 * and secret headers masked; and warnings: a URL sent encoded differently from how it was given, a body over the
 * gateway's 12 MB limit (the script refuses those).
 */
export function signForCommandLine(options: SignCommandOptions, env: NodeJS.ProcessEnv = process.env): SignOutput {
  const credentials = signingCredentialsFromEnv(env);
  const redactor = credentialRedactor(credentials);
  options.headers.forEach((line, i) => {
    const [name, value] = parseHeaderLine(line, i);
    redactor.addHeader(name, value);
  });
  try {
    return signAndFormat(options, credentials, redactor);
  } catch (e) {
    // a message may quote what it refuses (the URL, a date): never a secret
    throw e instanceof UsageError ? new UsageError(redactor.mask(e.message)) : e;
  }
}

function signAndFormat(options: SignCommandOptions, credentials: SigningCredentials, redactor: Redactor): SignOutput {
  const body: Uint8Array | string | undefined = options.dataFile !== undefined ? readDataFile(options.dataFile) : options.data;
  const signed = signCommandRequest(
    {
      method: options.method,
      url: options.url,
      headers: options.headers,
      ...(body !== undefined && { body }),
      ...(options.date !== undefined && { date: options.date }),
      ...(options.unsignedPayload !== undefined && { unsignedPayload: options.unsignedPayload }),
    },
    credentials,
  );
  const warnings: string[] = [];
  const size = body === undefined ? 0 : typeof body === 'string' ? utf8ByteLength(body) : body.length;
  if (size > MAX_SIGNED_BODY_BYTES && !options.unsignedPayload) warnings.push(`${BODY_TOO_LARGE_FIX}: ${bodyTooLargeMessage(size)}`);
  if (signed.url !== options.url && !options.explain && !options.curl) {
    warnings.push(`signed for the URL as it goes on the wire, ${signed.url}: send exactly that URL`);
  }
  let text: string;
  if (options.curl) {
    const curlBody = options.dataFile !== undefined ? { file: options.dataFile } : options.data !== undefined ? { text: options.data } : undefined;
    text = formatCurl({ method: options.method, url: signed.url, headers: signed.headers, sdkDate: signed.sdkDate, ...(curlBody && { body: curlBody }) });
  } else text = options.explain ? formatExplanation(signed) : formatHeaders(signed.headers);
  return { text: redactor.mask(text), warnings: warnings.map((w) => redactor.mask(w)) };
}
