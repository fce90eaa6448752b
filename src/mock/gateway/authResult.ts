import type { IssuedSubjectToken } from '../shared/issuedCredentials';
import type { AuthKind } from '../shared/stats';

/** The outcome of authenticating one request: who it is, or why it is refused (status, code and message ready). */
export type AuthSuccess =
  | {
      ok: true;
      auth: 'aksk';
      access: string;
      temporary: boolean;
      signedHeaders: string[];
      canonicalRequest: string;
      /** SDK-HMAC-SHA256, V11-HMAC-SHA256 or SDK-HMAC-SM3. */
      algorithm: string;
      /** Temporary credentials from assume_role: `<delegating domain>/<agency>`. */
      agency?: string;
    }
  | { ok: true; auth: 'token'; token: IssuedSubjectToken };

export type FailureReason =
  | 'no-credentials'
  | 'body-too-large'
  | 'bad-sdk-date'
  | 'signature-expired'
  | 'malformed-authorization'
  | 'scope-date-mismatch'
  | 'missing-sdk-date'
  | 'missing-signed-header'
  | 'unknown-access-key'
  | 'signature-mismatch'
  | 'security-token-missing'
  | 'security-token-unsigned'
  | 'security-token-mismatch'
  | 'security-token-expired'
  | 'token-unknown'
  | 'token-expired'
  | 'token-revoked'
  | 'ak-locked'
  | 'project-mismatch'
  | 'token-scope';

export interface AuthFailure {
  ok: false;
  auth: AuthKind;
  status: number;
  code: string;
  message: string;
  reason: FailureReason;
}

export type AuthResult = AuthSuccess | AuthFailure;

export function authFailure(auth: AuthKind, status: number, code: string, reason: FailureReason, message: string): AuthFailure {
  return { ok: false, auth, status, code, reason, message };
}
