import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MockRequest, MockResponse, ReceivedBody } from './shared/exchange';

/* The HTTP shell's two ends: a Node request read into a MockRequest, a MockResponse written back, with its X-Request-Id. */

/** The X-Request-Id of one exchange (also quoted as request_id in gateway error bodies). */
export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Reads the request line, raw headers and the whole body: every byte is counted and hashed as it arrives, and the
 * bytes themselves are kept only up to `bytesKept(path)` (the gateway needs none: it checks the hash).
 */
export async function readRequest(req: IncomingMessage, bytesKept: (path: string) => number): Promise<MockRequest> {
  const target = originForm(req.url ?? '/');
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
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
    path,
    query: q < 0 ? '' : target.slice(q + 1),
    headers,
    body: await readBody(req, bytesKept(path), namesSm3(headers)),
  };
}

/** Whether a header (Authorization, or a dedicated gateway's renamed app auth header) carries an SM3 signature. */
function namesSm3(headers: Record<string, string | string[]>): boolean {
  return Object.values(headers).some((v) => (Array.isArray(v) ? v : [v]).some((x) => /SDK-HMAC-SM3/i.test(x)));
}

function readBody(req: IncomingMessage, keep: number, sm3: boolean): Promise<ReceivedBody> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const sm3Hash = sm3 ? createHash('sm3') : undefined;
    let chunks: Buffer[] | undefined = [];
    let length = 0;
    req.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      sm3Hash?.update(chunk);
      length += chunk.length;
      if (chunks && length <= keep) chunks.push(chunk);
      else chunks = undefined;
    });
    req.on('end', () =>
      resolve({
        length,
        sha256: hash.digest('hex'),
        ...(sm3Hash ? { sm3: sm3Hash.digest('hex') } : {}),
        bytes: chunks ? Buffer.concat(chunks) : undefined,
      }),
    );
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

/** Writes the reply; `nowMs` is the mock cloud's clock, which its Date header states (as the real gateway's does). */
export function writeResponse(res: ServerResponse, reply: MockResponse, requestId: string, nowMs: number): void {
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    Date: new Date(nowMs).toUTCString(),
    'Content-Type': 'application/json;charset=UTF-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': requestId,
    ...reply.headers,
  });
  res.end(text);
}
