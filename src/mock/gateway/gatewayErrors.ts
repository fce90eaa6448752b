import type { MockResponse } from '../shared/exchange';

/**
 * The API gateway's error answers (every authenticated call): `{"error_msg","error_code","request_id"}`, and its codes.
 *   401 APIGW.0301 AK/SK problems and "no credentials at all" (verify aksk signature fail, signature expired,
 *                  ak not exist, Authorization not found, temporary-key problems, an AK locked after 5 signature
 *                  failures in a row: "AK access failed to reach the limit,forbidden.").
 *   401 APIG.0307  X-Auth-Token unknown to this mock, revoked or expired ("The token must be updated.").
 *   403 APIG.0302  the token's scope does not cover the project in the path or in X-Project-Id (a project-scoped
 *                  token for another project, or a domain-scoped token on a project-level path).
 *   400 APIG.0201  X-Project-Id and the project id in the path are both present and differ.
 *   413 APIG.0201  AK/SK-signed body over 12 MB ("Request entity too large.").
 * Published APIs (/apig/, apigGateway.ts), as APIG answers for App and simple authentication:
 *   401 APIG.0303  "Incorrect app authentication information: ..." (app not found, appkey X; verify signature fail,
 *                  canonicalRequest:...; signature expired, ...; Authorization not found; AppCode not found).
 *   404 APIG.0101  "The API does not exist or has not been published in the environment." (unknown path or x-stage).
 * IAM's own error styles: ../iam/iamErrors.ts.
 */
export const GATEWAY_CODE = {
  iamAuth: 'APIGW.0301',
  tokenExpired: 'APIG.0307',
  notAuthorized: 'APIG.0302',
  requestError: 'APIG.0201',
  appAuth: 'APIG.0303',
  apiNotFound: 'APIG.0101',
} as const;

export function gatewayError(status: number, code: string, message: string, requestId: string, verdict: string): MockResponse {
  return { status, body: { error_msg: message, error_code: code, request_id: requestId }, verdict };
}
