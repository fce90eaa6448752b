import { STATUS_CODES } from 'node:http';
import type { MockResponse } from '../shared/exchange';

/**
 * IAM's error answers, in its two styles, and its codes (IAM endpoints refuse bad credentials with the gateway's
 * answer, ../gateway/gatewayErrors.ts):
 * IAM v3 (Keystone): `{"error":{"code","message","title"}}`, e.g. 401 "The username or password is wrong."
 * IAM v3.0: `{"error_msg","error_code"}`, e.g. IAM.0066 token expired, IAM.0011 bad parameter.
 */
export const IAM_CODE = {
  iamV3TokenExpired: 'IAM.0066',
  iamV3BadParameter: 'IAM.0011',
  iamV3Throttled: 'IAM.0012',
} as const;

export function keystoneError(status: number, message: string, verdict: string): MockResponse {
  return { status, body: { error: { code: status, message, title: STATUS_CODES[status] ?? 'Error' } }, verdict };
}

export function iamV3Error(status: number, code: string, message: string, verdict: string): MockResponse {
  return { status, body: { error_msg: message, error_code: code }, verdict };
}
