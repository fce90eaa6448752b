import { MOCK_TEMP_AK_PREFIX } from '../fixtures';
import { gatewayError } from '../gateway/gatewayErrors';
import { authenticate } from '../gateway/requestAuth';
import { isObject, jsonBody, type MockRequest, type MockResponse } from '../shared/exchange';
import type { MockState } from '../shared/state';
import { IAM_CODE, iamV3Error } from './iamErrors';
import { iamDate, newTemporaryCredential } from './iamFormat';

export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 86400;

/**
 * POST /v3.0/OS-CREDENTIAL/securitytokens: authenticated by X-Auth-Token or an AK/SK signature; body
 * `{"auth":{"identity":{"methods":["token"],"token":{"duration_seconds":900}}}}` (900 to 86400, default 900).
 * 201 `{"credential":{"access","secret","securitytoken","expires_at"}}`. An expired token gets IAM.0066 (the v3.0
 * style); other authentication failures get the gateway's answer.
 */
export function handleSecurityTokens(req: MockRequest, state: MockState, requestId: string): MockResponse {
  if (req.method !== 'POST') return iamV3Error(405, IAM_CODE.iamV3BadParameter, 'The method is not allowed.', 'method');
  state.stats.securityTokenRequest();
  const auth = authenticate(req, state);
  if (!auth.ok) {
    if (auth.reason === 'token-expired' || auth.reason === 'token-revoked') return iamV3Error(401, IAM_CODE.iamV3TokenExpired, 'The token is expired.', 'token expired');
    return gatewayError(auth.status, auth.code, auth.message, requestId, `${auth.auth} ${auth.reason}`);
  }
  const duration = parseDuration(jsonBody(req));
  if (typeof duration === 'string') return iamV3Error(400, IAM_CODE.iamV3BadParameter, duration, 'bad-request');

  const credential = newTemporaryCredential(MOCK_TEMP_AK_PREFIX);
  const expiresAt = state.now() + duration * 1000;
  state.credentials.addTemporaryKey(credential.access, { secret: credential.secret, securityToken: credential.securitytoken, expiresAt });
  state.stats.securityTokenIssued();
  return { status: 201, body: { credential: { ...credential, expires_at: iamDate(expiresAt) } }, verdict: `${auth.auth} temporary key issued` };
}

/** duration_seconds, or an error message. */
function parseDuration(body: unknown): number | string {
  const identity = isObject(body) && isObject(body.auth) ? body.auth.identity : undefined;
  if (!isObject(identity) || !Array.isArray(identity.methods) || !identity.methods.includes('token')) {
    return 'Request parameter auth.identity.methods must be ["token"].';
  }
  const token = identity.token;
  if (token === undefined) return MIN_DURATION_SECONDS;
  if (!isObject(token)) return 'Request parameter auth.identity.token is invalid.';
  const d = token.duration_seconds;
  if (d === undefined) return MIN_DURATION_SECONDS;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < MIN_DURATION_SECONDS || d > MAX_DURATION_SECONDS) {
    return `Request parameter duration_seconds must be an integer from ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS}.`;
  }
  return d;
}
