import { randomBytes } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { MockResponse } from './http';

/**
 * Error bodies in the three styles a Huawei Cloud client meets, and the codes the mock uses.
 *
 * API gateway (every authenticated call): `{"error_msg","error_code","request_id"}`.
 *   401 APIGW.0301 AK/SK problems and "no credentials at all" (verify aksk signature fail, signature expired,
 *                  ak not exist, Authorization not found, temporary-key problems).
 *   401 APIG.0307  X-Auth-Token unknown to this mock or expired ("The token must be updated.").
 *   403 APIG.0302  the token's scope does not cover the project in the path or in X-Project-Id (a project-scoped
 *                  token for another project, or a domain-scoped token on a project-level path).
 *   400 APIG.0201  X-Project-Id and the project id in the path are both present and differ.
 *   413 APIG.0201  AK/SK-signed body over 12 MB ("Request entity too large.").
 * IAM v3 (Keystone): `{"error":{"code","message","title"}}`, e.g. 401 "The username or password is wrong."
 * IAM v3.0: `{"error_msg","error_code"}`, e.g. IAM.0066 token expired, IAM.0011 bad parameter.
 */
export const CODE = {
  iamAuth: 'APIGW.0301',
  tokenExpired: 'APIG.0307',
  notAuthorized: 'APIG.0302',
  requestError: 'APIG.0201',
  iamV3TokenExpired: 'IAM.0066',
  iamV3BadParameter: 'IAM.0011',
  iamV3Throttled: 'IAM.0012',
} as const;

export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

export function gatewayError(status: number, code: string, message: string, requestId: string, verdict: string): MockResponse {
  return { status, body: { error_msg: message, error_code: code, request_id: requestId }, verdict };
}

export function keystoneError(status: number, message: string, verdict: string): MockResponse {
  return { status, body: { error: { code: status, message, title: STATUS_CODES[status] ?? 'Error' } }, verdict };
}

export function iamV3Error(status: number, code: string, message: string, verdict: string): MockResponse {
  return { status, body: { error_msg: message, error_code: code }, verdict };
}
