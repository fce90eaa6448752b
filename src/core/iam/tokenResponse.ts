import { isNamedError, namedError, type NamedError } from '../namedError';

/** A token IAM issued, as the cache keeps it. */
export interface IssuedToken {
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** An IAM failure; the message is IAM's own words plus the status, never the request or the token. */
export type IamError = NamedError<'IamError', { status: number }>;

export function iamError(message: string, status: number): IamError {
  return namedError('IamError', message, { status });
}

export function isIamError(err: unknown): err is IamError {
  return isNamedError(err, 'IamError');
}

/** IAM's time format, e.g. 2020-01-04T09:05:22.701000Z (UTC, microseconds); epoch ms or null. */
export function parseIamTime(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  return Date.UTC(y, mo - 1, d, h, mi, s, ms);
}

/**
 * Reads the reply to POST /v3/auth/tokens: 201 with the token in X-Subject-Token and token.expires_at in the body.
 * Anything else throws an IamError carrying IAM's message (Keystone `error.message` or v3.0 `error_msg`).
 */
export function parseTokenResponse(status: number, subjectToken: string | undefined, bodyText: string): IssuedToken {
  let body: unknown; // stays undefined when the reply is not JSON ('' included)
  try {
    body = JSON.parse(bodyText);
  } catch {
    // No JSON: no IAM message and no expiry to read.
  }
  if (status !== 201) throw iamError(`${status} ${iamErrorMessage(body) ?? 'no error message in the reply'}`, status);
  const token = subjectToken?.trim();
  if (!token) throw iamError('201 reply without an X-Subject-Token header', status);
  const expiresAtText = (body as { token?: { expires_at?: unknown } } | undefined)?.token?.expires_at;
  const expiresAt = typeof expiresAtText === 'string' ? parseIamTime(expiresAtText) : null;
  if (expiresAt === null) throw iamError('201 reply without a readable token.expires_at', status);
  return { token, expiresAt };
}

/** IAM's own words in an error body: Keystone `error.message`, or v3.0 `error_code error_msg`; clipped. */
export function iamErrorMessage(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { error?: { message?: unknown; code?: unknown }; error_msg?: unknown; error_code?: unknown };
  if (b.error && typeof b.error.message === 'string') return clip(b.error.message);
  if (typeof b.error_msg === 'string') return clip((typeof b.error_code === 'string' ? b.error_code + ' ' : '') + b.error_msg);
  return undefined;
}

function clip(text: string): string {
  return text.length > 300 ? text.slice(0, 300) + '...' : text;
}
