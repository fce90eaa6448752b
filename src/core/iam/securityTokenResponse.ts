import { iamError, iamErrorMessage, parseIamTime } from './tokenResponse';

/** Temporary credentials as IAM issues them and the cache keeps them. */
export interface TemporaryCredential {
  access: string;
  secret: string;
  securityToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Reads the reply to POST /v3.0/OS-CREDENTIAL/securitytokens: 201 `{"credential":{"access","secret","securitytoken",
 * "expires_at"}}`. Anything else throws an IamError with IAM's own message (never a credential).
 */
export function parseSecurityTokenResponse(status: number, bodyText: string): TemporaryCredential {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  if (status !== 201) throw iamError(`${status} ${iamErrorMessage(body) ?? 'no error message in the reply'}`, status);
  const c = (body as { credential?: Record<string, unknown> } | undefined)?.credential;
  const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
  const access = text(c?.access);
  const secret = text(c?.secret);
  const securityToken = text(c?.securitytoken);
  const expiresAt = text(c?.expires_at) !== undefined ? parseIamTime(text(c?.expires_at)!) : null;
  if (!access || !secret || !securityToken || expiresAt === null) {
    throw iamError('201 reply without a complete credential (access, secret, securitytoken, expires_at)', status);
  }
  return { access, secret, securityToken, expiresAt };
}
