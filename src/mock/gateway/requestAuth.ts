import { HEADER } from '../core/constants';
import { authenticateAksk } from './akskAuth';
import { authFailure, type AuthResult } from './authResult';
import { CODE } from './errors';
import { headerValue, type MockRequest } from './http';
import type { MockState } from './state';
import { authenticateToken } from './tokenAuth';

/** Picks the scheme a request uses (Authorization wins over X-Auth-Token) and authenticates it. */
export function authenticate(req: MockRequest, state: MockState): AuthResult {
  if (headerValue(req, HEADER.authorization)) return authenticateAksk(req, state);
  if (headerValue(req, HEADER.authToken)) return authenticateToken(req, state);
  return authFailure('none', 401, CODE.iamAuth, 'no-credentials', 'Incorrect IAM authentication information: Authorization not found.');
}
