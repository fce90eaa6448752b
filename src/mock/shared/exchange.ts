/* What every handler takes and returns: a request as received and a reply; helpers to read a request. */

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
  /** Lowercase hex SM3 of every byte received, taken only when a header names SDK-HMAC-SM3 (the only use of it). */
  sm3?: string;
  /**
   * The bytes, or undefined when the body is larger than its route keeps (router.ts bodyBytesKept: IAM and /__mock/
   * up to 1 MB, the gateway nothing but length and hash).
   */
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

/** The body's digests as verifySignature takes them (the gateways keep no body bytes). */
export function receivedDigests(req: MockRequest): { sha256Hex: string; sm3Hex?: string } {
  return { sha256Hex: req.body.sha256, ...(req.body.sm3 !== undefined ? { sm3Hex: req.body.sm3 } : {}) };
}
