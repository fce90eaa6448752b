/**
 * What goes on the wire for a request the pre-request script returned, computed with postman-runtime's own code
 * (postman-url-encoder, requester/core getRequestBody, the raw-JSON comment pass, postman-request's form encoding),
 * and a verifier of SDK-HMAC-SHA256 (and of V11-HMAC-SHA256 and SDK-HMAC-SM3, from Huawei's Go SDK) written from the
 * spec with node:crypto. Both are independent of src/: a test that
 * passes here shows that what was signed is what is sent.
 */
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { stringify as qsStringify } from 'node:querystring';

/* eslint-disable @typescript-eslint/no-explicit-any */
const RUNTIME = '../../node_modules/postman-runtime';
const sdk: any = require(`${RUNTIME}/node_modules/postman-collection`);
const urlEncoder: any = require(`${RUNTIME}/node_modules/postman-url-encoder`);
const requesterCore: any = require(`${RUNTIME}/lib/requester/core`);
const presend: any[] = require(`${RUNTIME}/lib/runner/request-helpers-presend`);

export interface WireRequest {
  method: string;
  /** Path and query exactly as on the request line. */
  path: string;
  /** Every header the script set and the runtime keeps (enabled), plus the Host the runtime would send. */
  headers: Array<[string, string]>;
  /** Body bytes as sent; undefined when no body goes out. */
  body: Buffer | undefined;
  /** The body mode the runtime sends with (multipart and file bodies are not reproduced, only flagged). */
  bodyKind: 'none' | 'bytes' | 'multipart' | 'file';
  /** Headers the runtime itself adds because the script did not set them (Content-Type from the body mode). */
  systemHeaders: Array<[string, string]>;
}

/** Runs the runtime's send-side steps on a Request (SDK object or definition), after the script. */
export function wireRequest(request: any, protocolProfileBehavior: Record<string, unknown> = {}): WireRequest {
  const req = new sdk.Request(typeof request.toJSON === 'function' ? request.toJSON() : request);
  // request-helpers-presend.js step 0: comments out of raw JSON bodies (it mutates the body).
  presend[0]!({ item: { request: req }, protocolProfileBehavior }, {}, (err: unknown) => {
    if (err) throw err;
  });
  const before = new Set<any>(req.headers.all());
  const built = requesterCore.getRequestBody(req, protocolProfileBehavior);
  const systemHeaders: Array<[string, string]> = req.headers
    .all()
    .filter((h: any) => !before.has(h) && !h.disabled)
    .map((h: any) => [h.key, h.value]);

  let body: Buffer | undefined;
  let bodyKind: WireRequest['bodyKind'] = 'none';
  if (built && typeof built.body === 'string') {
    body = Buffer.from(built.body, 'utf8');
    bodyKind = 'bytes';
  } else if (built && built.form) {
    // postman-request form() with useQuerystring: querystring.stringify, then !'()* escaped.
    const text = qsStringify(built.form).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
    body = Buffer.from(text, 'utf8');
    bodyKind = 'bytes';
    if (!req.headers.all().some((h: any) => !h.disabled && /^content-type$/i.test(h.key))) {
      systemHeaders.push(['Content-Type', 'application/x-www-form-urlencoded']);
    }
  } else if (built && built.formData) bodyKind = 'multipart';
  else if (built && req.body && req.body.mode === 'file') bodyKind = 'file';
  if (body !== undefined && body.length === 0) {
    body = undefined;
    bodyKind = 'none';
  }

  const url = urlEncoder.toNodeUrl(req.url);
  const headers: Array<[string, string]> = req.headers
    .all()
    .filter((h: any) => !h.disabled && before.has(h))
    .map((h: any) => [String(h.key), String(h.value)]);
  if (!headers.some(([k]) => k.toLowerCase() === 'host')) systemHeaders.push(['Host', url.host]);
  return { method: String(req.method).toUpperCase(), path: url.path, headers, body, bodyKind, systemHeaders };
}

/** The value of a header sent exactly once (script-set or system), or an error naming the problem. */
export function headerValue(wire: WireRequest, name: string): string {
  const all = [...wire.headers, ...wire.systemHeaders].filter(([k]) => k.toLowerCase() === name.toLowerCase());
  if (all.length !== 1) throw new Error(`header ${name} is sent ${all.length} times`);
  return all[0]![1];
}

// ---- SDK-HMAC-SHA256 from the spec (signing-spec.md rules 3-8), on node:crypto ----

/** Percent-decoding to bytes, as a server reads a target: %XX is that byte (UTF-8 or not), other characters UTF-8. */
function decodeToBytes(text: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(/%([0-9A-Fa-f]{2})/g)) {
    parts.push(Buffer.from(text.slice(last, m.index), 'utf8'), Buffer.from([parseInt(m[1]!, 16)]));
    last = m.index! + 3;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

/** Rule 4 on bytes: A-Z a-z 0-9 - _ . ~ as they are, every other byte %XX (uppercase), as Go's signer escapes. */
function encodeBytes(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Rule 4: decode the whole path to bytes first (so %2F becomes a separator), then encode each segment. */
function canonicalUriOf(path: string): string {
  const encoded = decodeToBytes(path)
    .toString('latin1')
    .split('/')
    .map((s) => encodeBytes(Buffer.from(s, 'latin1')))
    .join('/');
  const uri = encoded === '' ? '/' : encoded;
  return uri.endsWith('/') ? uri : uri + '/';
}

function canonicalQueryOf(query: string): string {
  const pairs = query
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      const name = eq < 0 ? p : p.slice(0, eq);
      const value = eq < 0 ? '' : p.slice(eq + 1);
      return [encodeBytes(decodeToBytes(name)), encodeBytes(decodeToBytes(value))] as const;
    });
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

export interface Verification {
  ok: boolean;
  canonicalRequest: string;
  signedHeaders: string[];
  payloadHash: string;
  expectedAuthorization: string;
  authorization: string;
}

/** Recomputes the Authorization the server would expect for the wire request and compares (any of the three algorithms). */
export function verifyWire(wire: WireRequest, ak: string, sk: string, authHeader = 'Authorization'): Verification {
  const authorization = headerValue(wire, authHeader);
  const access = /^(SDK-HMAC-SHA256|SDK-HMAC-SM3) Access=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  const credential = /^(V11-HMAC-SHA256) Credential=([^/,]+)\/([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  if (!access && !credential) throw new Error(`malformed Authorization: ${authorization}`);
  const algorithm = (access ?? credential)![1]!;
  const scope = credential?.[3];
  const signedHeaders = (access ? access[3]! : credential![4]!).split(';');
  const hash = algorithm === 'SDK-HMAC-SM3' ? 'sm3' : 'sha256';
  const sdkDate = headerValue(wire, 'X-Sdk-Date');
  const [path, query = ''] = wire.path.split(/\?(.*)/s) as [string, string?];
  const unsigned = wire.headers.some(([k, v]) => k.toLowerCase() === 'x-sdk-content-sha256' && v === 'UNSIGNED-PAYLOAD');
  const payloadHash = unsigned ? 'UNSIGNED-PAYLOAD' : createHash(hash).update(wire.body ?? Buffer.alloc(0)).digest('hex');
  const canonicalHeaders = signedHeaders.map((h) => `${h}:${headerValue(wire, h).trim()}\n`).join('');
  const canonicalRequest = [
    wire.method,
    canonicalUriOf(path),
    canonicalQueryOf(query),
    canonicalHeaders,
    signedHeaders.join(';'),
    payloadHash,
  ].join('\n');
  // Header values travel as Node's HTTP client writes them, one byte per character (Latin-1), and the gateway hashes
  // the bytes it received; the rest of the canonical request is ASCII.
  const crHash = createHash(hash).update(canonicalRequest, 'latin1').digest('hex');
  const sts = scope === undefined ? `${algorithm}\n${sdkDate}\n${crHash}` : `${algorithm}\n${sdkDate}\n${scope}\n${crHash}`;
  // V11: the HMAC key is the hex text of HKDF-SHA256(IKM = SK, salt = AK, info = scope, 32 bytes).
  const key = scope === undefined ? sk : Buffer.from(hkdfSync('sha256', sk, ak, scope, 32)).toString('hex');
  const signature = createHmac(hash, Buffer.from(key, 'utf8')).update(sts, 'utf8').digest('hex');
  const who = scope === undefined ? `Access=${ak}` : `Credential=${ak}/${scope}`;
  const expectedAuthorization = `${algorithm} ${who}, SignedHeaders=${signedHeaders.join(';')}, Signature=${signature}`;
  return {
    ok: expectedAuthorization === authorization && signedHeaders.join(';') === [...signedHeaders].sort().join(';'),
    canonicalRequest,
    signedHeaders,
    payloadHash,
    expectedAuthorization,
    authorization,
  };
}
