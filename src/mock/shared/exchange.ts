import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MAX_SIGNED_BODY_BYTES } from '../core/constants';

/** A request as the mock received it: raw target, headers by lowercased name, body digest and (bounded) bytes. */
export interface MockRequest {
  method: string;
  /** The request target exactly as received (origin form), e.g. `/v1/a%20b/?x=1`. */
  target: string;
  /** Raw path part of the target (before '?'). */
  path: string;
  /** Raw query part of the target, without '?'; '' when there is none. */
  query: string;
  /** Header values by lowercased name; a repeated header gives an array (nothing is merged or dropped). */
  headers: Record<string, string | string[]>;
  body: ReceivedBody;
}

export interface ReceivedBody {
  length: number;
  /** Lowercase hex SHA-256 of every byte received. */
  sha256: string;
  /** The bytes, or undefined when the body is larger than MAX_SIGNED_BODY_BYTES (only length and hash are kept). */
  bytes: Buffer | undefined;
}

/** A reply: status, JSON body, extra headers. Handlers return these; the server writes them. */
export interface MockResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Short word for the log line (never a secret). */
  verdict: string;
}

export function headerValue(req: MockRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(',') : v;
}

/** Reads the request line, raw headers and the whole body (hashing all of it, keeping at most 12 MB of bytes). */
export async function readRequest(req: IncomingMessage): Promise<MockRequest> {
  const target = originForm(req.url ?? '/');
  const q = target.indexOf('?');
  const headers: Record<string, string | string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    const prev = headers[name];
    headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
  }
  return {
    method: req.method ?? 'GET',
    target,
    path: q < 0 ? target : target.slice(0, q),
    query: q < 0 ? '' : target.slice(q + 1),
    headers,
    body: await readBody(req),
  };
}

function readBody(req: IncomingMessage): Promise<ReceivedBody> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let chunks: Buffer[] | undefined = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      length += chunk.length;
      if (chunks && length <= MAX_SIGNED_BODY_BYTES) chunks.push(chunk);
      else chunks = undefined;
    });
    req.on('end', () => resolve({ length, sha256: hash.digest('hex'), bytes: chunks ? Buffer.concat(chunks) : undefined }));
    req.on('error', reject);
  });
}

/** An absolute-form target (`http://host/path`, as proxies send) is reduced to its path and query, still raw. */
function originForm(target: string): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*(.*)$/.exec(target);
  if (!m) return target;
  const rest = m[1] ?? '';
  return rest === '' || rest.startsWith('?') ? '/' + rest : rest;
}

export function writeResponse(res: ServerResponse, reply: MockResponse, requestId: string): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': requestId,
    ...reply.headers,
  });
  res.end(text);
}

/** Parses a JSON body; undefined when it is absent or not JSON. */
export function jsonBody(req: MockRequest): unknown {
  if (!req.body.bytes || req.body.length === 0) return undefined;
  try {
    return JSON.parse(req.body.bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
