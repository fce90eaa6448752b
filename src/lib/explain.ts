import { readFileSync } from 'node:fs';
import { formatSdkDate, isSdkDate, signRequest, type HeaderEntry, type SignResult, type SigningCredentials } from '../core';
import { nodeCrypto } from '../node/nodeCrypto';
import { UsageError } from './exitCodes';
import { Redactor } from './mask/redact';
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
  /** Every header to send: the user's, then the signer's (X-Sdk-Date, credential headers, Authorization). */
  headers: Array<[string, string]>;
  result: SignResult;
}

/** Parses a curl-style `Name: value` header. */
export function parseHeaderLine(line: string): HeaderEntry {
  const colon = line.indexOf(':');
  const name = colon > 0 ? line.slice(0, colon).trim() : '';
  if (!name || /\s/.test(name)) throw new UsageError(`bad header ${JSON.stringify(line)}: expected 'Name: value'`);
  return [name, line.slice(colon + 1).trim()];
}

/** Signs one request described on the command line. */
export function signCommandRequest(input: SignCommandInput, credentials: SigningCredentials, now = Date.now()): SignedRequest {
  const sdkDate = input.date ?? formatSdkDate(now);
  if (!isSdkDate(sdkDate)) throw new UsageError(`--date must be YYYYMMDDTHHMMSSZ (UTC), got ${sdkDate}`);
  if (!/^https?:\/\//i.test(input.url)) throw new UsageError(`--url must be an absolute http(s) URL, got ${input.url}`);
  const given = input.headers.map(parseHeaderLine);
  let result: SignResult;
  try {
    result = signRequest(
      { method: input.method.toUpperCase(), url: input.url, headers: given, body: input.body ?? '', unsignedPayload: input.unsignedPayload ?? false },
      credentials,
      { sdkDate, crypto: nodeCrypto },
    );
  } catch (e) {
    throw new UsageError(`cannot sign: ${(e as Error).message}`);
  }
  const owned = new Set(result.headers.map(([n]) => n.toLowerCase()));
  const kept = given.filter(([n]) => !owned.has(n.toLowerCase()) && !isSignerOwned(n));
  return { headers: [...kept.map(([n, v]): [string, string] => [n, v]), ...result.headers], result };
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
export interface SignCommandOptions {
  method: string;
  url: string;
  /** `Name: value` lines, as for curl -H. */
  headers: readonly string[];
  data?: string;
  /** Read the body from this file, bytes as they are. */
  dataFile?: string;
  date?: string;
  unsignedPayload?: boolean;
  /** Every intermediate of the signature, not only the headers to send. */
  explain?: boolean;
}

/**
 * `hwc-auth sign`: signs one request with the AK/SK from the process environment and returns the text to print
 * (the headers to send, or with `explain` every intermediate), with the SK, security token and secret headers masked.
 */
export function signForCommandLine(options: SignCommandOptions, env: NodeJS.ProcessEnv = process.env): string {
  const credentials = signingCredentialsFromEnv(env);
  const redactor = credentialRedactor(credentials);
  for (const line of options.headers) {
    const [name, value] = parseHeaderLine(line);
    redactor.addHeader(name, value);
  }
  let body: Uint8Array | string | undefined = options.data;
  if (options.dataFile !== undefined) {
    try {
      body = readFileSync(options.dataFile);
    } catch (e) {
      throw new UsageError(`cannot read --data-file ${options.dataFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
  }
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
  return redactor.mask(options.explain ? formatExplanation(signed) : formatHeaders(signed.headers));
}
