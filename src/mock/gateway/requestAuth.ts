import { HEADER } from '../../core/constants';
import { headerValue, type MockRequest } from '../shared/exchange';
import type { MockState } from '../shared/state';
import { authenticateAksk } from './akskVerification';
import { authFailure, type AuthResult } from './authResult';
import { GATEWAY_CODE } from './gatewayErrors';
import { authenticateToken } from './tokenVerification';

/** Picks the scheme a request uses (Authorization wins over X-Auth-Token) and authenticates it. */
export function authenticate(req: MockRequest, state: MockState): AuthResult {
  if (headerValue(req, HEADER.authorization)) return authenticateAksk(req, state);
  if (headerValue(req, HEADER.authToken)) return authenticateToken(req, state);
  return authFailure('none', 401, GATEWAY_CODE.iamAuth, 'no-credentials', 'Incorrect IAM authentication information: Authorization not found.');
}
