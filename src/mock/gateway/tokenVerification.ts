import { HEADER } from '../../core/constants';
import { headerValue, type MockRequest } from '../shared/exchange';
import type { MockState } from '../shared/state';
import { authFailure, type AuthResult } from './authResult';
import { GATEWAY_CODE } from './gatewayErrors';

/** X-Auth-Token: must be one this mock issued, not revoked, and not past its expiry on the mock clock. */
export function authenticateToken(req: MockRequest, state: MockState): AuthResult {
  const presented = (headerValue(req, HEADER.authToken) ?? '').trim();
  const token = state.credentials.token(presented);
  if (!token) return authFailure('token', 401, GATEWAY_CODE.tokenExpired, 'token-unknown', 'The token must be updated.');
  if (state.credentials.isRevoked(presented)) {
    return authFailure('token', 401, GATEWAY_CODE.tokenExpired, 'token-revoked', 'The token must be updated.');
  }
  if (state.now() >= token.expiresAt) {
    return authFailure('token', 401, GATEWAY_CODE.tokenExpired, 'token-expired', 'The token must be updated.');
  }
  return { ok: true, auth: 'token', token };
}
